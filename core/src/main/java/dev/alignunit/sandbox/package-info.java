/**
 * The sandboxed tool environment: tools (simulated from the scenario, Java-backed, mock-backed),
 * the ledger of every call, and nothing that touches the real world.
 */
package dev.alignunit.sandbox;
