package dev.triggerforge.model.trigger;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** A comparison a guided condition can make between an event property and a literal. */
public enum Operator {
    EQ, NEQ, GT, GTE, LT, LTE, CONTAINS, EXISTS;

    @JsonCreator
    public static Operator parse(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isNumeric() {
        return this == GT || this == GTE || this == LT || this == LTE;
    }
}
