package dev.triggerforge.server.engine;

import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.profile.ProfileChange;
import dev.triggerforge.model.profile.ProfileUpdate;
import dev.triggerforge.server.rulesets.ActiveRuleSet;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** What a partition's inbox holds: an event to process, or a profile to put, each with how to tell its sender. */
sealed interface Work {

    /**
     * An event, its JSON as it arrived (stored as is, not encoded again), and the acknowledgement that must wait
     * until what it caused is committed.
     */
    record Event(CustomerEvent event, String json, Instant receivedAt, Instant publishedAt, Delivery delivery)
            implements Work {
    }

    /** A new rule-set version to run from the next event on; the future gets the number of waits cancelled. */
    record Swap(ActiveRuleSet rules, boolean cancelChanged, CompletableFuture<Integer> done) implements Work {
    }

    /**
     * Profile values stated through the API or an import; the future gets what changed and what was refused as
     * stale, once it is committed.
     */
    record Profile(ProfileUpdate update, CompletableFuture<ProfileChange> done) implements Work {
    }
}
