package dev.triggerforge.rules.simulation;

import dev.triggerforge.rules.session.SessionOptions;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * How a simulation runs and what its report contains.
 *
 * @param partitions        sessions run side by side, customers split by {@code Partitioning}; the report does not
 *                          depend on it
 * @param until             when the run ends; null means the last event plus the longest wait and the quiet hours,
 *                          so pending waits resolve
 * @param timelineCustomers customers whose full story goes into the report
 * @param responses         how simulated customers answer emails ({@link ResponseModel#NONE} for a replay)
 * @param attributionWindow how long after a send a purchase counts as its conversion
 * @param conflictWindow    sends from different rules to one customer within this window are reported as conflicts
 * @param confidence        of the experiments' intervals and tests
 */
public record SimulationOptions(int partitions, Instant until, Set<String> timelineCustomers, ResponseModel responses,
                                SessionOptions session, Duration attributionWindow, Duration conflictWindow,
                                double confidence, ProgressListener progress) {

    public SimulationOptions {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1");
        }
        timelineCustomers = timelineCustomers == null ? Set.of() : Set.copyOf(timelineCustomers);
    }

    public static SimulationOptions defaults() {
        return new SimulationOptions(Runtime.getRuntime().availableProcessors(), null, Set.of(), ResponseModel.NONE,
                SessionOptions.DEFAULTS, Duration.ofDays(3), Duration.ofHours(24), 0.95, ProgressListener.NONE);
    }

    public SimulationOptions withPartitions(int count) {
        return new SimulationOptions(count, until, timelineCustomers, responses, session, attributionWindow,
                conflictWindow, confidence, progress);
    }

    public SimulationOptions withUntil(Instant end) {
        return new SimulationOptions(partitions, end, timelineCustomers, responses, session, attributionWindow,
                conflictWindow, confidence, progress);
    }

    public SimulationOptions withTimelines(Set<String> customers) {
        return new SimulationOptions(partitions, until, customers, responses, session, attributionWindow,
                conflictWindow, confidence, progress);
    }

    public SimulationOptions withResponses(ResponseModel model) {
        return new SimulationOptions(partitions, until, timelineCustomers, model, session, attributionWindow,
                conflictWindow, confidence, progress);
    }

    public SimulationOptions withProgress(ProgressListener listener) {
        return new SimulationOptions(partitions, until, timelineCustomers, responses, session, attributionWindow,
                conflictWindow, confidence, listener);
    }
}
