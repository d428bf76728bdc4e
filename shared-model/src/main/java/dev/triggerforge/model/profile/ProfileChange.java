package dev.triggerforge.model.profile;

import java.util.List;

/**
 * What merging a {@link ProfileUpdate} did: the values it changed, and the values it refused because the profile
 * already knew a newer observation of them.
 */
public record ProfileChange(String customerId, List<String> changed, List<String> stale) {

    public ProfileChange {
        changed = List.copyOf(changed);
        stale = List.copyOf(stale);
    }
}
