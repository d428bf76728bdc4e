package dev.triggerforge.model.trigger;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** How an experiment splits its customers: the marketer chooses a fixed split or one that learns. */
public enum AllocationMode {
    /** Every variant gets its weight's share for as long as the experiment runs. */
    FIXED,
    /** The holdout keeps its weight's share; the sending variants share the rest by Thompson sampling on clicks. */
    ADAPTIVE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static AllocationMode parse(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
