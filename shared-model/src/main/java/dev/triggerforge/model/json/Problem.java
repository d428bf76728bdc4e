package dev.triggerforge.model.json;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The kinds of things that can be wrong with incoming event JSON, so callers can react by kind, not by message. */
public enum Problem {
    /** The text is not JSON at all. */
    MALFORMED_JSON,
    /** A required field is absent or null. */
    MISSING_FIELD,
    /** A field has the wrong JSON type, e.g. a string where a number belongs. */
    WRONG_TYPE,
    /** The event type is neither built in nor a well-formed {@code custom:<name>}. */
    UNKNOWN_TYPE,
    /** {@code occurredAt} is a string but not an ISO-8601 instant or offset date-time. */
    BAD_TIMESTAMP,
    /** A field has the right type but a value outside what is allowed, or the field is not allowed at all. */
    INVALID_VALUE;

    /** The lower snake case name used in JSON, e.g. {@code wrong_type}. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The problem with the given wire name (upper case is accepted too). */
    @JsonCreator
    public static Problem fromWireName(String wireName) {
        return valueOf(wireName.toUpperCase(Locale.ROOT));
    }
}
