/**
 * Plumbing of the sandbox's MCP server: the MCP SDK's JSON mapping and schema validation on the
 * libraries AlignUnit already uses. Not API.
 */
package dev.alignunit.mcp.internal;
