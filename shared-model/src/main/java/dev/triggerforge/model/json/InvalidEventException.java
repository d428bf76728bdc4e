package dev.triggerforge.model.json;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Signals that incoming event JSON was rejected, carrying every problem found; it records no stack trace because bad
 * input is routine and is reported to the sender, never logged as a crash.
 */
public final class InvalidEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<FieldError> errors;

    public InvalidEventException(List<FieldError> errors) {
        super(join(errors), null, false, false);
        this.errors = List.copyOf(errors);
    }

    /** Every problem found, in the order the codec checked them; never empty. */
    public List<FieldError> errors() {
        return errors;
    }

    private static String join(List<FieldError> errors) {
        if (errors == null || errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid event needs at least one error");
        }
        return errors.stream().map(FieldError::toString).collect(Collectors.joining("; "));
    }
}
