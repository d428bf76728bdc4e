package dev.triggerforge.rules.optimization.sendtime;

import dev.triggerforge.rules.guardrail.QuietHours;
import dev.triggerforge.rules.optimization.sendtime.SendTimeEvaluation.Result;
import dev.triggerforge.rules.optimization.sendtime.SendTimeEvaluation.Settings;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;

/** Best-time sending against sending when due, on 5,000 synthetic customers with a hidden preferred hour. */
class SendTimeEvaluationTest {

    private static final QuietHours NIGHT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));
    private static final Settings SETTINGS = new Settings(5_000, 6, 4, 3, 24, 4.0, NIGHT, 42L);

    @Test
    void bestTimeOpensMoreThanSendingWhenDueWithSeparateIntervals() {
        Result result = SendTimeEvaluation.run(SETTINGS);
        System.out.printf("send-time evaluation: when due %d/%d = %.4f [%.4f, %.4f]; best time %d/%d = %.4f "
                        + "[%.4f, %.4f]; lift %.3f; mean delay %.2f h%n",
                result.whenDue().successes(), result.whenDue().trials(), result.whenDue().value(),
                result.whenDue().low(), result.whenDue().high(), result.bestTime().successes(),
                result.bestTime().trials(), result.bestTime().value(), result.bestTime().low(),
                result.bestTime().high(), result.lift(), result.meanDelayHours());

        assertThat(result.whenDue().trials()).isEqualTo(5_000L * 4 * 3);
        assertThat(result.separated()).isTrue();
        assertThat(result.lift()).isGreaterThan(0.5);
        assertThat(result.meanDelayHours()).isBetween(0.0, 24.0);
    }

    @Test
    void theSameSettingsGiveTheSameResult() {
        Settings small = new Settings(300, 4, 2, 3, 24, 4.0, NIGHT, 7L);

        assertThat(SendTimeEvaluation.run(small)).isEqualTo(SendTimeEvaluation.run(small));
    }
}
