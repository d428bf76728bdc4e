package dev.triggerforge.server.engine;

import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.model.profile.ProfileChange;
import dev.triggerforge.server.customers.CustomerAlias;
import dev.triggerforge.server.events.StoredEvent;
import dev.triggerforge.server.experiments.Assignment;
import dev.triggerforge.server.feedback.FeedbackRecord;
import dev.triggerforge.server.sends.SendRecord;
import dev.triggerforge.server.sends.SuppressionRecord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything one partition turn produced, committed in one transaction before any of its events is acknowledged. */
final class Batch {

    final List<StoredEvent> events = new ArrayList<>();
    final Map<String, SendRecord> sends = new LinkedHashMap<>();
    final Map<String, SuppressionRecord> suppressions = new LinkedHashMap<>();
    final Map<String, CustomerProfile> profiles = new LinkedHashMap<>();
    final Map<Assignment.Key, Assignment> assignments = new LinkedHashMap<>();
    final Map<String, FeedbackRecord> feedback = new LinkedHashMap<>();
    final Map<String, CustomerAlias> aliases = new LinkedHashMap<>();
    final Map<Work.Profile, ProfileChange> profileChanges = new HashMap<>();
    final List<Work> settled = new ArrayList<>();

    boolean hasWrites() {
        return !events.isEmpty() || !sends.isEmpty() || !suppressions.isEmpty() || !profiles.isEmpty()
                || !assignments.isEmpty() || !feedback.isEmpty()
                || !aliases.isEmpty();
    }

    void clear() {
        events.clear();
        sends.clear();
        suppressions.clear();
        profiles.clear();
        assignments.clear();
        feedback.clear();
        aliases.clear();
        profileChanges.clear();
        settled.clear();
    }
}
