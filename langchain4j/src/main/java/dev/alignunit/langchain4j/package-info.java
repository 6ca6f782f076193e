/**
 * Runs LangChain4j agents under AlignUnit: {@link dev.alignunit.langchain4j.AiServicesAgent} says
 * "this {@code AiServices} interface is the agent under test"; {@link
 * dev.alignunit.langchain4j.LangChain4jRun} gives the run's model as a LangChain4j {@code
 * ChatModel}, the sandbox as a {@code ToolProvider} and puts the application's {@code @Tool}
 * objects behind the sandbox ledger; {@link dev.alignunit.langchain4j.LangChain4jSchemas} converts
 * JSON Schemas both ways. Adapters translate: grading, recording and reports stay in core.
 * LangChain4j is a {@code provided} dependency: the application brings its own (built and tested
 * with 1.19.0).
 */
package dev.alignunit.langchain4j;
