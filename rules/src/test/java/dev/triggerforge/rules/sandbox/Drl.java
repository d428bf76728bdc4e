package dev.triggerforge.rules.sandbox;

/** DRL files for sandbox tests, built around one snippet at a known line. */
final class Drl {

    /** Lines 1-5: package, facts import, the rt global. */
    static final String HEADER = """
            package shop.rules

            import dev.triggerforge.rules.fact.*
            global dev.triggerforge.rules.session.TriggerRuntime rt

            """;

    private Drl() {
    }

    /** {@code code} is the consequence, on line 10. */
    static String consequence(String code) {
        return HEADER + """
                rule "snippet"
                when
                    $e : EventFact( type == "purchase" )
                then
                    %s
                end
                """.formatted(code);
    }

    /** {@code code} is the consequence of an mvel-dialect rule, on line 11. */
    static String mvel(String code) {
        return HEADER + """
                rule "snippet"
                    dialect "mvel"
                when
                    $e : EventFact( type == "purchase" )
                then
                    %s
                end
                """.formatted(code);
    }

    /** {@code lhs} is the rule's whole condition, on line 8. */
    static String condition(String lhs) {
        return HEADER + """
                rule "snippet"
                when
                    %s
                then
                end
                """.formatted(lhs);
    }

    /** {@code declaration} starts on line 6, before a plain rule. */
    static String top(String declaration) {
        return HEADER + declaration + """

                rule "plain"
                when
                    $e : EventFact( type == "purchase" )
                then
                end
                """;
    }
}
