package dev.triggerforge.rules.experiment;

import dev.triggerforge.model.event.CustomerEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * What each exposure earned: the first moment of each action attributed to it and the revenue of its purchases, so
 * experiments and campaign numbers count the same things the same way.
 */
final class Outcomes {

    private final List<Exposure> exposures;
    private final Instant[][] firstAt;
    private final double[] revenue;

    private Outcomes(List<Exposure> exposures) {
        this.exposures = exposures;
        this.firstAt = new Instant[Action.values().length][exposures.size()];
        this.revenue = new double[exposures.size()];
    }

    /** Attributes {@code events} to {@code exposures} (in time order) within {@code window}; others are ignored. */
    static Outcomes of(List<Exposure> exposures, Duration window, Collection<CustomerEvent> events) {
        Outcomes outcomes = new Outcomes(exposures);
        Attribution attribution = new Attribution(exposures, window);
        for (CustomerEvent event : events) {
            Action action = Action.of(event);
            int position = action == null ? -1 : attribution.exposureOf(event, action);
            if (position >= 0) {
                outcomes.record(position, action, event);
            }
        }
        return outcomes;
    }

    private void record(int position, Action action, CustomerEvent event) {
        Instant[] first = firstAt[action.ordinal()];
        if (first[position] == null || event.occurredAt().isBefore(first[position])) {
            first[position] = event.occurredAt();
        }
        if (action == Action.CONVERSION) {
            revenue[position] += total(event);
        }
    }

    private static double total(CustomerEvent event) {
        var total = event.purchase().total();
        return total == null ? 0 : total.doubleValue();
    }

    boolean did(int position, Action action) {
        return firstAt[action.ordinal()][position] != null;
    }

    /** Seconds from the exposure to its first such action (0 if feedback names a send but came before it). */
    double secondsTo(int position, Action action) {
        Instant at = firstAt[action.ordinal()][position];
        if (at == null) {
            throw new IllegalStateException("exposure " + position + " has no " + action);
        }
        long millis = Duration.between(exposures.get(position).at(), at).toMillis();
        return Math.max(0, millis) / 1000.0;
    }

    double revenue(int position) {
        return revenue[position];
    }
}
