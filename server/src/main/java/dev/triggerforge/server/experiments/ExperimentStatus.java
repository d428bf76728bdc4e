package dev.triggerforge.server.experiments;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Where an experiment is in its life: running assigns variants, paused and stopped send the trigger's own email. */
public enum ExperimentStatus {
    RUNNING,
    PAUSED,
    /** Final: results are frozen at the moment it stopped. */
    STOPPED;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ExperimentStatus of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
