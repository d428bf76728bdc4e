package dev.triggerforge.server.customers;

import dev.triggerforge.model.profile.CustomerProfile;

import java.time.Instant;
import java.util.List;

/** The answer to a profile write: the stored profile and its version, what changed and what was refused as stale. */
public record ProfileWrite(CustomerProfile profile, long version, Instant updatedAt, List<String> changed,
                           List<String> stale) {
}
