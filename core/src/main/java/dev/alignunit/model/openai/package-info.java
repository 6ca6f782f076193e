/**
 * The OpenAI Chat Completions client ({@code POST <base-url>/chat/completions}), which also talks
 * to OpenAI-compatible servers (vLLM, Ollama, llama.cpp server, LM Studio, gateways). Create it
 * with {@link dev.alignunit.model.ModelClients#create(String)} and {@code openai:<model>}.
 */
package dev.alignunit.model.openai;
