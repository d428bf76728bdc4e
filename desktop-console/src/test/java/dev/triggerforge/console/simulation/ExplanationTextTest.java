package dev.triggerforge.console.simulation;

import dev.triggerforge.model.decision.Explanation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A model's reasons reach the marketer as sentences, with each variant's chance in whole percent. */
class ExplanationTextTest {

    @Test
    void aVariantAndASendTimeChoiceAreBothExplained() {
        Map<String, Double> chances = new LinkedHashMap<>();
        chances.put("a", 0.25);
        chances.put("b", 0.75);
        Explanation why = new Explanation("locale=de|new", chances, "b has converted best in this segment.",
                Instant.parse("2026-01-05T00:00:00Z"), null, null, null)
                .withSendTime(Instant.parse("2026-01-06T03:00:00Z"), 0.4, "customers like this read at 19:00.");

        assertThat(TimelinePane.text(why)).isEqualTo("""
                Segment: locale=de|new
                Variant: b has converted best in this segment. (a 25%, b 75%)
                Send time: customers like this read at 19:00.""");
    }

    @Test
    void aSendNoModelShapedSaysSo() {
        assertThat(TimelinePane.text(null)).startsWith("No model was involved");
        assertThat(TimelinePane.text(Explanation.NONE)).startsWith("No model was involved");
    }
}
