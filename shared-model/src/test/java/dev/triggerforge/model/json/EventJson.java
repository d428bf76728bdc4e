package dev.triggerforge.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import java.util.List;

/** Test fixtures: event JSON built from a type and a properties object, and the errors a rejection carries. */
final class EventJson {

    static final String OCCURRED_AT = "2026-11-23T09:00:00Z";

    private EventJson() {
    }

    static String event(String type, String propertiesJson) {
        return "{\"eventId\":\"e-1\",\"customerId\":\"c-42\",\"type\":\"" + type + "\",\"occurredAt\":\""
                + OCCURRED_AT + "\",\"properties\":" + propertiesJson + "}";
    }

    static List<FieldError> errorsOf(String json) {
        return rejection(() -> EventCodec.decode(json)).errors();
    }

    static List<FieldError> batchErrorsOf(String json) {
        return rejection(() -> EventCodec.decodeBatch(json)).errors();
    }

    static FieldError onlyErrorOf(String json) {
        List<FieldError> errors = errorsOf(json);
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    static InvalidEventException rejection(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isExactlyInstanceOf(InvalidEventException.class);
        return (InvalidEventException) thrown;
    }
}
