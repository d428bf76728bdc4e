package dev.triggerforge.rules.sandbox;

/**
 * A piece of code the Drools parser cut out of a DRL file (a consequence, a constraint, a function body...) to hand to
 * Java or MVEL on its own; found again in the file from {@code from} on, or else placed at {@code line}.
 */
record Fragment(String text, int from, int line) {
}
