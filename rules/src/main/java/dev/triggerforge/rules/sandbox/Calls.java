package dev.triggerforge.rules.sandbox;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The unqualified method calls in a piece of code, {@code name(...)}: the calls a DRL function makes to others. */
final class Calls {

    private Calls() {
    }

    static Set<String> in(String code) {
        Set<String> calls = new HashSet<>();
        if (code == null) {
            return calls;
        }
        List<Token> tokens = DrlLexer.lex(code, new Findings("function body"));
        for (int k = 0; k + 1 < tokens.size(); k++) {
            boolean member = k > 0 && (tokens.get(k - 1).is(".") || tokens.get(k - 1).is("?.")
                    || tokens.get(k - 1).is("::"));
            if (tokens.get(k).isName() && tokens.get(k + 1).is("(") && !member) {
                calls.add(tokens.get(k).text());
            }
        }
        return calls;
    }
}
