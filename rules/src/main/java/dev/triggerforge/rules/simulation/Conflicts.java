package dev.triggerforge.rules.simulation;

import dev.triggerforge.model.report.Conflict;
import dev.triggerforge.model.report.ReportedSend;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds overlapping triggers: customers who would get emails from more than one rule within a window. Each conflict
 * is a run of one customer's sends, each within the window of the one before, touching at least two rules.
 */
public final class Conflicts {

    private Conflicts() {
    }

    /** {@code sends} must be in time order (as a report lists them). */
    public static List<Conflict> find(List<ReportedSend> sends, Duration window) {
        Map<String, List<ReportedSend>> byCustomer = new LinkedHashMap<>();
        for (ReportedSend s : sends) {
            byCustomer.computeIfAbsent(s.customerId(), id -> new ArrayList<>()).add(s);
        }
        List<Conflict> conflicts = new ArrayList<>();
        byCustomer.forEach((customer, list) -> {
            List<ReportedSend> group = new ArrayList<>();
            for (ReportedSend s : list) {
                if (!group.isEmpty()
                        && Duration.between(group.get(group.size() - 1).sendAt(), s.sendAt()).compareTo(window) > 0) {
                    close(customer, group, window, conflicts);
                    group = new ArrayList<>();
                }
                group.add(s);
            }
            close(customer, group, window, conflicts);
        });
        conflicts.sort((a, b) -> {
            int byTime = a.sends().get(0).sendAt().compareTo(b.sends().get(0).sendAt());
            return byTime != 0 ? byTime : a.customerId().compareTo(b.customerId());
        });
        return conflicts;
    }

    private static void close(String customer, List<ReportedSend> group, Duration window, List<Conflict> out) {
        Set<String> rules = new HashSet<>();
        group.forEach(s -> rules.add(s.ruleId()));
        if (rules.size() > 1) {
            out.add(new Conflict(customer, window, List.copyOf(group)));
        }
    }
}
