package dev.triggerforge.model.experiment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The rate an experiment is decided on: the share of exposures that opened, clicked or bought. */
public enum Metric {
    /** Opened the email; a holdout never opens, so against a holdout this only shows the send happened. */
    OPEN,
    /** Clicked a link in the email. */
    CLICK,
    /** Bought within the attribution window. */
    CONVERSION;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Metric parse(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
