package dev.triggerforge.rules.optimization;

import dev.triggerforge.model.experiment.BanditSnapshot;
import dev.triggerforge.model.optimization.PolicySnapshot;
import dev.triggerforge.rules.optimization.bandit.BanditState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns adaptive sends, their clicks and the sessions' engagement hours into the next period's
 * {@link PolicySnapshot}. The simulator feeds it from its runs, the server from its store; both then decide alike.
 * A send counts once its reward window has passed, as a success if it was clicked within it, so recent sends do
 * not count as failures just because their readers have not opened them yet. Counting is incremental: each period
 * adds the sends that ripened since the last one, in the order of their send time, so a long simulation does not
 * recount its whole history every period. Periods must be built in time order.
 */
public final class PolicyBuilder {

    /** One send of a sending variant of an adaptive experiment. */
    public record Exposure(String experimentId, String arm, String segment, Instant sentAt, String sendId) {
    }

    private static final Comparator<Exposure> ORDER = Comparator.comparing(Exposure::sentAt)
            .thenComparing(Exposure::sendId);

    private final OptimizationSettings settings;
    private final List<Exposure> pending = new ArrayList<>();
    private final Map<String, Instant> firstClicks = new HashMap<>();
    private final Map<String, BanditState> states = new TreeMap<>();
    private ReadingHours hours = ReadingHours.none();

    public PolicyBuilder(OptimizationSettings settings) {
        this.settings = settings;
    }

    public void exposure(Exposure e) {
        pending.add(e);
        firstClicks.putIfAbsent(e.sendId(), Instant.MAX);
    }

    /**
     * A click on the send with this id (its idempotency key); only the first counts, and only on a send added as an
     * exposure before, so clicks on other emails cost nothing.
     */
    public void click(String sendId, Instant at) {
        firstClicks.computeIfPresent(sendId, (id, known) -> at.isBefore(known) ? at : known);
    }

    /** Adds a session's opens, clicks and deliveries by local hour per segment. */
    public void reading(ReadingHours learned) {
        hours = hours.plus(learned);
    }

    /** Forgets the reading hours, before the sessions' running totals are added again. */
    public void clearReading() {
        hours = ReadingHours.none();
    }

    /** The policy of the period starting at {@code at}, from everything added so far that is known by then. */
    public PolicySnapshot build(Instant at) {
        Instant ripe = at.minus(settings.rewardWindow());
        List<Exposure> ripened = new ArrayList<>();
        pending.removeIf(e -> !e.sentAt().isAfter(ripe) && ripened.add(e));
        ripened.sort(ORDER);
        for (Exposure e : ripened) {
            Instant click = firstClicks.remove(e.sendId());
            boolean success = click != null && !click.isBefore(e.sentAt())
                    && !click.isAfter(e.sentAt().plus(settings.rewardWindow()));
            states.computeIfAbsent(e.experimentId(), id -> new BanditState(settings.maxSegments()))
                    .record(e.segment(), e.arm(), success);
        }
        Map<String, BanditSnapshot> experiments = new TreeMap<>();
        states.forEach((id, state) -> experiments.put(id, state.snapshot()));
        return new PolicySnapshot(at, experiments, lists(hours.engagements()), lists(hours.deliveries()));
    }

    private static Map<String, List<Long>> lists(Map<String, long[]> bySegment) {
        Map<String, List<Long>> out = new TreeMap<>();
        bySegment.forEach((segment, counts) -> {
            List<Long> list = new ArrayList<>(counts.length);
            for (long c : counts) {
                list.add(c);
            }
            out.put(segment, list);
        });
        return out;
    }
}
