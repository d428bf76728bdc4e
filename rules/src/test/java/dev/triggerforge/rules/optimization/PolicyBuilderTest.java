package dev.triggerforge.rules.optimization;

import dev.triggerforge.model.experiment.BanditSnapshot;
import dev.triggerforge.model.optimization.PolicySnapshot;
import dev.triggerforge.rules.optimization.sendtime.SegmentPrior;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A period's policy counts only sends whose reward window has passed, a click only within that window, and does not
 * depend on the order sends were added in; reading hours add up over sessions; the exposure-adjusted prior does not
 * learn the hour the emails were sent in.
 */
class PolicyBuilderTest {

    private static final Instant T = Instant.parse("2026-11-23T12:00:00Z");
    private static final OptimizationSettings SETTINGS = OptimizationSettings.DEFAULTS.withPeriod(Duration.ofHours(1),
            Duration.ofHours(24));

    @Test
    void onlyRipeSendsCountAndOnlyClicksWithinTheirWindow() {
        PolicyBuilder b = new PolicyBuilder(SETTINGS);
        b.exposure(new PolicyBuilder.Exposure("x", "a", "s", T.minus(Duration.ofHours(30)), "old-clicked"));
        b.exposure(new PolicyBuilder.Exposure("x", "a", "s", T.minus(Duration.ofHours(30)), "old-late-click"));
        b.exposure(new PolicyBuilder.Exposure("x", "b", "s", T.minus(Duration.ofHours(2)), "recent"));
        b.click("old-clicked", T.minus(Duration.ofHours(29)));
        b.click("old-late-click", T.minus(Duration.ofHours(1)));
        b.click("recent", T.minus(Duration.ofHours(1)));

        BanditSnapshot x = b.build(T).experiments().get("x");
        Map<String, BanditSnapshot.Arm> pooled = x.segments().stream().filter(s -> s.name().equals("*"))
                .findFirst().orElseThrow().arms();
        assertThat(pooled).containsOnlyKeys("a");
        assertThat(pooled.get("a")).isEqualTo(new BanditSnapshot.Arm(1, 2));
    }

    @Test
    void theOrderSendsArriveInDoesNotMatter() {
        List<PolicyBuilder.Exposure> sends = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            sends.add(new PolicyBuilder.Exposure("x", i % 3 == 0 ? "a" : "b", "seg-" + i % 7,
                    T.minus(Duration.ofHours(48 + i % 5)), "k" + i));
        }
        PolicySnapshot inOrder = build(sends);
        Collections.shuffle(sends, new java.util.Random(3));
        assertThat(build(sends)).isEqualTo(inOrder);
    }

    @Test
    void readingHoursAddUpAndTheAdjustedPriorIgnoresTheSendHour() {
        long[] engaged = new long[24];
        long[] delivered = new long[24];
        engaged[20] = 600;
        delivered[20] = 6000;
        engaged[9] = 60;
        delivered[9] = 100;
        ReadingHours one = new ReadingHours(Map.of("locale=en", engaged), Map.of("locale=en", delivered));
        ReadingHours two = one.plus(one);
        assertThat(two.engagements().get("locale=en")[20]).isEqualTo(1200);
        assertThat(one.engagements().get("locale=en")[20]).as("plus leaves its operands alone").isEqualTo(600);

        assertThat(SegmentPrior.of(engaged, 4).topHour()).as("raw counts follow the send hour").isEqualTo(20);
        assertThat(SegmentPrior.exposureAdjusted(engaged, delivered, 4).topHour())
                .as("per delivered email, 9:00 reads best").isEqualTo(9);
        assertThat(SegmentPrior.exposureAdjusted(engaged, new long[24], 4).topHour())
                .as("without deliveries it is the engagement shape").isEqualTo(20);
    }

    private static PolicySnapshot build(List<PolicyBuilder.Exposure> sends) {
        PolicyBuilder b = new PolicyBuilder(new OptimizationSettings(Duration.ofHours(1), Duration.ofHours(24), 0.05,
                200, 1000, 4, 1000, 3));
        sends.forEach(b::exposure);
        for (int i = 0; i < 300; i += 4) {
            b.click("k" + i, T.minus(Duration.ofHours(40)));
        }
        return b.build(T);
    }
}
