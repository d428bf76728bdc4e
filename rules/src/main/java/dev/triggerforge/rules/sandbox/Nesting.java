package dev.triggerforge.rules.sandbox;

import java.util.List;

/**
 * Refuses brackets nested deeper than a limit before anything parses the file: deep nesting is the cheap way to
 * overflow the stack of the DRL parser, MVEL or the Java compiler, and no rule needs it.
 */
final class Nesting {

    private Nesting() {
    }

    static boolean tooDeep(List<Token> tokens, int max, Findings findings) {
        int depth = 0;
        for (Token t : tokens) {
            if (t.is("(") || t.is("[") || t.is("{")) {
                if (++depth > max) {
                    findings.add(t, "brackets are nested more than " + max + " deep here: split the expression"
                            + " (limit maxNesting)");
                    return true;
                }
            } else if (t.is(")") || t.is("]") || t.is("}")) {
                depth = Math.max(0, depth - 1);
            }
        }
        return false;
    }
}
