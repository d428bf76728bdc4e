package dev.triggerforge.model.ruleset;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Duration;
import java.time.LocalTime;

/**
 * The protections every trigger of a rule set obeys unless the trigger overrides them: how many trigger emails a
 * customer may get per window, and the local hours in which nothing is sent.
 */
public record GuardrailSettings(int frequencyCap, Duration frequencyWindow, LocalTime quietStart, LocalTime quietEnd) {

    public static final GuardrailSettings DEFAULTS =
            new GuardrailSettings(2, Duration.ofHours(24), LocalTime.of(21, 0), LocalTime.of(8, 0));

    public GuardrailSettings {
        frequencyWindow = frequencyWindow == null ? Duration.ofHours(24) : frequencyWindow;
        quietStart = quietStart == null ? LocalTime.of(21, 0) : quietStart;
        quietEnd = quietEnd == null ? LocalTime.of(8, 0) : quietEnd;
        if (frequencyCap < 0) {
            throw new IllegalArgumentException("frequencyCap must not be negative");
        }
    }

    /** Whether quiet hours are switched off (start equals end). */
    @JsonIgnore
    public boolean quietHoursDisabled() {
        return quietStart.equals(quietEnd);
    }
}
