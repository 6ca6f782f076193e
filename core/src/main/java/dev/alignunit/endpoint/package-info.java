/**
 * Testing agents unchanged over the wire: a {@link dev.alignunit.endpoint.ModelEndpoint} on
 * loopback that speaks the OpenAI Chat Completions and Anthropic Messages formats (streaming
 * included) with the run's model behind it, the run's {@link
 * dev.alignunit.endpoint.EndpointSession} that binds its requests to the transcript and the ledger,
 * and two agents built on it: {@link dev.alignunit.endpoint.EndpointAgent} for an application in
 * this JVM and {@link dev.alignunit.endpoint.AgentProcess} for one in another process. {@link
 * dev.alignunit.endpoint.SessionService} starts companions such as the sandbox's MCP server ({@code
 * alignunit-mcp}).
 */
package dev.alignunit.endpoint;
