package dev.triggerforge.server.engine;

import dev.triggerforge.rules.optimization.OptimizationSettings;
import dev.triggerforge.rules.optimization.Policy;
import dev.triggerforge.rules.session.TriggerSession;
import dev.triggerforge.server.optimization.PolicyStore;

import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The stored policies of the periods a rebuild replays, so each replayed turn decides with the policy that was in
 * use when it first ran, and replayed waits get the variants they had.
 */
final class PeriodPolicies {

    private static final int MOST_PERIODS = 10_000;

    private final NavigableMap<Instant, Policy> byStart = new TreeMap<>();
    private Policy applied;

    PeriodPolicies(PolicyStore store, Instant since, Instant now, OptimizationSettings settings) {
        Instant from = Instant.ofEpochMilli(settings.periodStart(since.toEpochMilli()));
        store.between(from, now.plusMillis(1), MOST_PERIODS)
                .forEach(r -> byStart.put(r.periodStart, new Policy(PolicyStore.snapshot(r), settings)));
    }

    /** Moves the session to the policy of the period holding {@code at}, if one is stored and not in use yet. */
    void applyAt(Instant at, TriggerSession session) {
        Map.Entry<Instant, Policy> period = byStart.floorEntry(at);
        if (period != null && period.getValue() != applied) {
            applied = period.getValue();
            session.usePolicy(applied);
        }
    }

    /** After the replay: the live policy, or the latest stored one if it is newer. */
    void applyLatest(Policy live, TriggerSession session) {
        Map.Entry<Instant, Policy> last = byStart.lastEntry();
        session.usePolicy(last != null && last.getKey().isAfter(live.at()) ? last.getValue() : live);
    }
}
