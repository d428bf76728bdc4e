package dev.triggerforge.server.engine;

import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.profile.ProfileChange;
import dev.triggerforge.model.profile.ProfileUpdate;
import dev.triggerforge.rules.optimization.Policy;
import dev.triggerforge.rules.optimization.ReadingHours;
import dev.triggerforge.rules.session.CustomerHandover;
import dev.triggerforge.rules.session.PendingWait;
import dev.triggerforge.server.rulesets.ActiveRuleSet;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What a partition's inbox holds: an event to process, a rule-set swap, profile values to merge, a visitor's
 * hand-over between partitions, or the optimizer's period policy and a request for what it learned, each with how to
 * tell its sender.
 */
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

    /**
     * An identify event whose anonymous visitor lives in this partition and whose customer lives in {@code target}:
     * this partition hands the visitor's state over, then passes the event on, so the target merges the two.
     */
    record HandOver(String visitor, Event identify, Partition target) implements Work {
    }

    /** A visitor's state handed over by another partition, taken in before the identify event that follows it. */
    record Adopt(CustomerHandover handover) implements Work {
    }

    /** A new learning period's policy, to decide adaptive variants and send times with from the next event on. */
    record UsePolicy(Policy policy) implements Work {
    }

    /** Asks for a customer's waits that have not fired yet, for their timeline. */
    record Waits(String customerId, CompletableFuture<List<PendingWait>> done) implements Work {
    }

    /** Asks for the reading hours the partition's session has learned, by send-time segment. */
    record AskReadingHours(CompletableFuture<ReadingHours> done) implements Work {
    }
}
