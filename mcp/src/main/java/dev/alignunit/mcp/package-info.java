/**
 * The sandbox served over MCP: {@link dev.alignunit.mcp.SandboxMcpServer} (the official MCP Java
 * SDK, streamable HTTP on loopback) and {@link dev.alignunit.mcp.SandboxMcp}, which starts one per
 * run next to the loopback model endpoint.
 */
package dev.alignunit.mcp;
