package dev.triggerforge.server.customers;

import dev.triggerforge.model.profile.CustomerProfile;

import java.time.Instant;

/** A profile as the API shows it: the profile itself with its version and when it last changed. */
public record StoredProfile(CustomerProfile profile, long version, Instant updatedAt) {
}
