package dev.triggerforge.console.rules;

import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Highlighting tells code from text and comments the way DRL does, and keywords from names that contain them. */
class DrlHighlightingTest {

    @Test
    void eachTokenGetsItsKindAndTheRestStaysPlain() {
        String drl = "rule \"when then\" // end of rule\nwhen $e : EventFact( endDate > 10 ) then end";

        List<String> styled = styledTokens(drl);

        assertThat(styled).containsExactly("drl-keyword rule", "drl-string \"when then\"",
                "drl-comment // end of rule", "drl-keyword when", "drl-variable $e", "drl-number 10",
                "drl-keyword then", "drl-keyword end");
    }

    @Test
    void anUnclosedBlockCommentRunsToTheEnd() {
        assertThat(styledTokens("rule /* not closed\nend")).containsExactly("drl-keyword rule",
                "drl-comment /* not closed\nend");
    }

    @Test
    void spansCoverTheWholeText() {
        String drl = "package shop.rules\nimport java.util.List\n";
        assertThat(DrlHighlighting.compute(drl).length()).isEqualTo(drl.length());
    }

    private static List<String> styledTokens(String drl) {
        StyleSpans<Collection<String>> spans = DrlHighlighting.compute(drl);
        List<String> styled = new ArrayList<>();
        int at = 0;
        for (var span : spans) {
            if (!span.getStyle().isEmpty()) {
                styled.add(String.join(" ", span.getStyle()) + " " + drl.substring(at, at + span.getLength()));
            }
            at += span.getLength();
        }
        return styled;
    }
}
