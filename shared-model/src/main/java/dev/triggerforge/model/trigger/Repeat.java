package dev.triggerforge.model.trigger;

import java.time.Duration;

/** The entry event must happen {@code count} times for the same subject within {@code within} to start the wait. */
public record Repeat(int count, Duration within) {
}
