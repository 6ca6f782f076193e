/**
 * The Anthropic Messages API client ({@code POST <base-url>/v1/messages}). Create it with {@link
 * dev.alignunit.model.ModelClients#create(String)} and {@code anthropic:<model>}.
 */
package dev.alignunit.model.anthropic;
