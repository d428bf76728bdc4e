package dev.triggerforge.rules.sandbox;

/**
 * One token of DRL code, at its 1-based line and column; comments are dropped and a text literal is one
 * {@link Kind#TEXT} token, so nothing inside text or comments is mistaken for code.
 */
record Token(Kind kind, String text, int line, int column) {

    enum Kind { NAME, NUMBER, TEXT, SYMBOL }

    /** Whether this is the code token {@code s} (a name or a symbol, never text that reads the same). */
    boolean is(String s) {
        return kind != Kind.TEXT && text.equals(s);
    }

    boolean isName() {
        return kind == Kind.NAME;
    }

    boolean startsUpperCase() {
        return isName() && Character.isUpperCase(text.charAt(0));
    }
}
