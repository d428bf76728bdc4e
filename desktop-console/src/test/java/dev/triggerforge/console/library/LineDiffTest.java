package dev.triggerforge.console.library;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The line diff keeps common lines and marks only what was removed and added. */
class LineDiffTest {

    @Test
    void aChangedLineIsRemovedThenAddedBetweenCommonLines() {
        assertThat(LineDiff.of("a\nwait PT1H\nc", "a\nwait PT2H\nc\nd").stream().map(LineDiff.Line::toString))
                .containsExactly("  a", "- wait PT1H", "+ wait PT2H", "  c", "+ d");
    }

    @Test
    void emptyTextsGiveOnlyAddedOrRemovedLines() {
        assertThat(LineDiff.of("", "x\ny")).extracting(LineDiff.Line::kind)
                .containsExactly(LineDiff.Kind.ADDED, LineDiff.Kind.ADDED);
        assertThat(LineDiff.of("x", "")).extracting(LineDiff.Line::kind).containsExactly(LineDiff.Kind.REMOVED);
    }
}
