package dev.triggerforge.rules.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits DRL into code tokens the way DRL, Java and MVEL all read it, and refuses the lexical tricks on which they
 * could disagree about what is code: unicode escapes (Java decodes them anywhere, the others never), text blocks,
 * literals that run past their line, back-quoted names, {@code #}, and anything but ASCII outside text and comments.
 * With those gone, what this lexer sees as text or comment is text or comment to every compiler behind Drools.
 */
final class DrlLexer {

    private static final Pattern NUMBER = Pattern.compile("0[xX][0-9a-fA-F_]+[lL]?|0[bB][01_]+[lL]?"
            + "|[0-9][0-9_]*(\\.[0-9_]*)?([eE][0-9]*)?[lLfFdDbBiI]?|([0-9]+(ms|d|h|m|s))+");

    private final String s;
    private final Findings findings;
    private final Position position;
    private final List<Token> tokens = new ArrayList<>();
    private int i;

    private DrlLexer(String s, Findings findings, Position position) {
        this.s = s;
        this.findings = findings;
        this.position = position;
    }

    /** The code tokens of a whole DRL file; every lexical trick is reported to {@code findings}. */
    static List<Token> lex(String drl, Findings findings) {
        return lex(drl, findings, 1, 1);
    }

    /** The code tokens of a piece of DRL that starts at {@code line} and {@code column} of its file. */
    static List<Token> lex(String drl, Findings findings, int line, int column) {
        DrlLexer lexer = new DrlLexer(drl, findings, new Position(drl, line, column));
        lexer.unicodeEscapes();
        lexer.run();
        return lexer.tokens;
    }

    /** A backslash preceded by an even number of backslashes, then u...u and four hex digits, is a Java escape. */
    private void unicodeEscapes() {
        int backslashes = 0;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '\\' && backslashes % 2 == 0 && k + 1 < s.length() && s.charAt(k + 1) == 'u') {
                int h = k + 1;
                while (h < s.length() && s.charAt(h) == 'u') {
                    h++;
                }
                if (h + 4 <= s.length() && s.substring(h, h + 4).chars().allMatch(DrlLexer::isHex)) {
                    problem(k, "unicode escapes such as \\" + s.substring(k + 1, h + 4)
                            + " are not allowed: write the character itself");
                }
            }
            backslashes = c == '\\' ? backslashes + 1 : 0;
        }
    }

    private void run() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\n' || c == ' ' || c == '\t' || c == '\f' || c == '\r') {
                i++;
            } else if (c == '/' && at(i + 1) == '/') {
                while (i < s.length() && !endsLine(s.charAt(i))) {
                    i++;
                }
            } else if (c == '/' && at(i + 1) == '*') {
                blockComment();
            } else if (c == '"' || c == '\'') {
                literal(c);
            } else if (Character.isLetter(c) && c < 128 || c == '_' || c == '$') {
                int start = i;
                while (i < s.length() && (Character.isLetterOrDigit(at(i)) && at(i) < 128 || at(i) == '_' || at(i) == '$')) {
                    i++;
                }
                add(Token.Kind.NAME, s.substring(start, i), start);
            } else if (c >= '0' && c <= '9') {
                number();
            } else {
                symbol(c);
            }
        }
    }

    private void blockComment() {
        int end = s.indexOf("*/", i + 2);
        if (end < 0) {
            problem(i, "this comment is never closed (*/ missing)");
            end = s.length() - 2;
        }
        i = end + 2;
    }

    private void literal(char quote) {
        int start = i;
        if (quote == '"' && s.startsWith("\"\"\"", i)) {
            problem(start, "text blocks (\"\"\") are not allowed: use \"...\" on one line");
            i += 3;
            return;
        }
        int k = i + 1;
        while (k < s.length() && s.charAt(k) != quote && !endsLine(s.charAt(k))) {
            k += s.charAt(k) == '\\' && k + 1 < s.length() && !endsLine(s.charAt(k + 1)) ? 2 : 1;
        }
        if (k >= s.length() || s.charAt(k) != quote) {
            problem(start, "this text is not closed on its line (missing " + quote + ")");
            add(Token.Kind.SYMBOL, String.valueOf(quote), start);
            i++;
            return;
        }
        add(Token.Kind.TEXT, s.substring(start + 1, k), start);
        i = k + 1;
    }

    /**
     * A Java or DRL number (with its suffix, exponent, hex digits, or a time interval such as 1h30m); letters that
     * cannot belong to one are left for the next token, so {@code 1System} still shows {@code System}.
     */
    private void number() {
        int start = i;
        int end = i;
        while (end < s.length() && (Character.isLetterOrDigit(at(end)) && at(end) < 128 || at(end) == '_'
                || at(end) == '.' && Character.isDigit(at(end + 1)))) {
            end++;
        }
        if (!NUMBER.matcher(s.substring(start, end)).matches()) {
            end = start;
            while (end < s.length() && Character.isDigit(at(end))) {
                end++;
            }
        }
        i = end;
        add(Token.Kind.NUMBER, s.substring(start, end), start);
    }

    private void symbol(char c) {
        if (c == '#' || c == '`') {
            problem(i, "'" + c + "' is not allowed outside text and comments");
        } else if (c == '\\' || c > 127 || Character.isISOControl(c)) {
            problem(i, "only ASCII letters, digits and operators may be used outside text and"
                    + " comments (found U+" + String.format("%04X", (int) c) + ")");
        }
        String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
        if (two.equals("::") || two.equals("?.") || two.equals(".?")) {
            add(Token.Kind.SYMBOL, two, i);
            i += 2;
        } else {
            add(Token.Kind.SYMBOL, String.valueOf(c), i);
            i++;
        }
    }

    private void add(Token.Kind kind, String text, int offset) {
        tokens.add(new Token(kind, text, position.line(offset), position.column(offset)));
    }

    private void problem(int offset, String message) {
        findings.add(position.line(offset), position.column(offset), message);
    }

    private char at(int k) {
        return k < s.length() ? s.charAt(k) : '\0';
    }

    /** Java ends a line at CR or LF; the other separators end it too here, so less is ever taken for a comment. */
    private static boolean endsLine(char c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085';
    }

    private static boolean isHex(int c) {
        return Character.digit(c, 16) >= 0;
    }
}
