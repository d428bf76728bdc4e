package dev.triggerforge.model.profile;

import java.time.Instant;
import java.util.Objects;

/** A profile value together with the moment it was observed, so newer observations win over stale ones. */
public record ObservedValue(Object value, Instant seenAt) {

    public ObservedValue {
        Objects.requireNonNull(seenAt, "seenAt");
    }

    public boolean isNewerThan(ObservedValue other) {
        return other == null || seenAt.isAfter(other.seenAt);
    }
}
