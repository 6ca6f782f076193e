/**
 * Plumbing shared by several packages of the core (not API): file housekeeping that recordings and
 * reports both need.
 */
package dev.alignunit.internal;
