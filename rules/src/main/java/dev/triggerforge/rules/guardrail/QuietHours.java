package dev.triggerforge.rules.guardrail;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The local hours in which no email goes out. A send that falls inside them moves to the end of the window in the
 * customer's zone; daylight-saving changes are left to {@link ZonedDateTime}, which moves a non-existent local time
 * forward.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    /** {@code at} itself when it is outside quiet hours, else the instant quiet hours end in {@code zone}. */
    public long nextAllowed(long at, ZoneId zone) {
        if (start.equals(end)) {
            return at;
        }
        ZonedDateTime local = Instant.ofEpochMilli(at).atZone(zone);
        LocalTime time = local.toLocalTime();
        LocalDate date = local.toLocalDate();
        boolean overnight = start.isAfter(end);
        if (overnight) {
            if (!time.isBefore(start)) {
                return ZonedDateTime.of(date.plusDays(1), end, zone).toInstant().toEpochMilli();
            }
            if (time.isBefore(end)) {
                return ZonedDateTime.of(date, end, zone).toInstant().toEpochMilli();
            }
            return at;
        }
        if (!time.isBefore(start) && time.isBefore(end)) {
            return ZonedDateTime.of(date, end, zone).toInstant().toEpochMilli();
        }
        return at;
    }
}
