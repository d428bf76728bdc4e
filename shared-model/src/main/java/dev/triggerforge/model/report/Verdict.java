package dev.triggerforge.model.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What an experiment's data says to do now. */
public enum Verdict {
    /** Not enough data, or no decision the data supports yet: keep the experiment running. */
    NOT_YET,
    /** One variant is significantly better than the control: promote it. */
    WINNER,
    /** The control is significantly better than every other arm: stop the experiment and keep the control. */
    KEEP_CONTROL,
    /** Every arm is within the equivalence margin of the control: pick on cost or taste, not on this metric. */
    NO_DIFFERENCE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Verdict parse(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
