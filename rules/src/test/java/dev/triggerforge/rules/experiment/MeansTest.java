package dev.triggerforge.rules.experiment;

import dev.triggerforge.model.report.Mean;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The revenue-per-recipient interval against a hand computation. */
class MeansTest {

    private static SummaryStatistics of(double... values) {
        SummaryStatistics s = new SummaryStatistics();
        for (double v : values) {
            s.addValue(v);
        }
        return s;
    }

    @Test
    void fiveRecipientsTwoOfThemNonBuyers() {
        // revenue 0, 20, 40, 0, 40: mean 20; squared deviations 400 + 0 + 400 + 400 + 400 = 1600,
        // s = sqrt(1600/4) = 20;
        // standard error 20 / sqrt(5) = 8.944272; z = 1.959964; half width 17.530451: [2.469549, 37.530451]
        Mean m = Means.of(of(0, 20, 40, 0, 40), 0.95);

        assertThat(m.value()).isCloseTo(20, within(1e-12));
        assertThat(m.low()).isCloseTo(2.469549, within(1e-6));
        assertThat(m.high()).isCloseTo(37.530451, within(1e-6));
        assertThat(m.confidence()).isEqualTo(0.95);
    }

    @Test
    void theLowEndStopsAtZero() {
        // mean 10, s = sqrt(((-10)^2 * 3 + 30^2) / 3) = 20, half width 1.959964 * 20 / 2 = 19.6 reaches below zero
        Mean m = Means.of(of(0, 0, 0, 40), 0.95);

        assertThat(m.low()).isZero();
        assertThat(m.high()).isCloseTo(29.599640, within(1e-6));
    }

    @Test
    void noRecipientsIsZero() {
        assertThat(Means.of(new SummaryStatistics(), 0.9)).isEqualTo(new Mean(0, 0, 0, 0.9));
    }
}
