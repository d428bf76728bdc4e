package dev.triggerforge.console.rules;

import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Colours DRL as the marketer types: keywords, text, comments, numbers and variables each get a CSS style class. */
final class DrlHighlighting {

    private static final List<String> KEYWORDS = List.of("package", "import", "global", "function", "query", "rule",
            "when", "then", "end", "declare", "extends", "salience", "no-loop", "lock-on-active", "agenda-group",
            "activation-group", "dialect", "enabled", "timer", "attributes", "not", "exists", "forall", "from",
            "collect", "accumulate", "eval", "and", "or", "insert", "update", "modify", "delete", "retract", "new",
            "return", "if", "else", "for", "true", "false", "null", "in", "matches", "contains", "memberOf");

    private static final Pattern TOKENS = Pattern.compile(
            "(?<COMMENT>//[^\\n]*|/\\*(?s:.*?)(?:\\*/|\\z))"
                    + "|(?<STRING>\"(?:[^\"\\\\\\n]|\\\\.)*\"?|'(?:[^'\\\\\\n]|\\\\.)*'?)"
                    + "|(?<KEYWORD>(?<![\\w$-])(?:" + String.join("|", KEYWORDS.stream().map(Pattern::quote).toList())
                    + ")(?![\\w$-]))"
                    + "|(?<VARIABLE>\\$[A-Za-z_][\\w$]*)"
                    + "|(?<NUMBER>\\b\\d+(?:\\.\\d+)?[lLdDfF]?\\b)");

    private static final List<String> GROUPS = List.of("COMMENT", "STRING", "KEYWORD", "VARIABLE", "NUMBER");

    private DrlHighlighting() {
    }

    /** Style spans covering all of {@code text}: one class per token kind, none for the rest. */
    static StyleSpans<Collection<String>> compute(String text) {
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        Matcher m = TOKENS.matcher(text);
        int last = 0;
        while (m.find()) {
            spans.add(List.of(), m.start() - last);
            spans.add(List.of("drl-" + kind(m)), m.end() - m.start());
            last = m.end();
        }
        spans.add(List.of(), text.length() - last);
        return spans.create();
    }

    private static String kind(Matcher m) {
        for (String group : GROUPS) {
            if (m.group(group) != null) {
                return group.toLowerCase();
            }
        }
        throw new IllegalStateException("a DRL token matched no group");
    }
}
