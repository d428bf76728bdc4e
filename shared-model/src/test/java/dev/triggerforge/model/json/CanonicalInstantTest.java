package dev.triggerforge.model.json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast timestamp path agrees with {@link Instant#parse} and leaves every other shape to it. */
class CanonicalInstantTest {

    @Test
    void agreesWithTheIsoParserOnManyInstants() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochMilli(random.nextLong(0, 4_102_444_800_000L));
            String text = instant.toString();
            if (text.length() == 20 || text.length() == 24) {
                assertThat(CanonicalInstant.parse(text)).as(text).isEqualTo(Instant.parse(text));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z", "2026-11-23T24:00:00Z",
            "2026-11-23 10:00:00Z", "2026-11-23T10:00:00+01:00", "2026-11-23T10:00:00.1Z", "yesterday!!!!!!!!!!!",
            "2026-11-23T1a:00:00Z", "2026-11-23T10:00:00.123456Z"})
    void leavesOtherShapesAndInvalidDatesToTheFullParser(String text) {
        assertThat(CanonicalInstant.parse(text)).isNull();
    }
}
