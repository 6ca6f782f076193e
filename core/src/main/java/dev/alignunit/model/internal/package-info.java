/**
 * Internal HTTP plumbing shared by the OpenAI and Anthropic clients: the retrying, concurrency
 * bounded transport over one OkHttp client per provider, retry timing, and secret redaction. Not
 * API: types here change without notice; use {@link dev.alignunit.model.ModelClients}.
 */
package dev.alignunit.model.internal;
