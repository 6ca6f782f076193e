/**
 * AlignUnit core: everything that is not JUnit. Scenarios ({@code scenario}), the sandboxed tools
 * ({@code sandbox}), model clients ({@code model}), recordings ({@code recording}), the agent loop
 * ({@code agent}), graders ({@code grading}), statistics ({@code stats}), reports ({@code report})
 * and the AssertJ assertions ({@code assertions}).
 */
package dev.alignunit;
