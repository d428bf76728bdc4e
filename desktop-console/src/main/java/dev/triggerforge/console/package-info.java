/**
 * The JavaFX marketer console arrives with issue 9; until then this module only proves the build graph.
 */
package dev.triggerforge.console;
