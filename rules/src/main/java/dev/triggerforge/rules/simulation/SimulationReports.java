package dev.triggerforge.rules.simulation;

import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.decision.Suppression;
import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.report.ExperimentResult;
import dev.triggerforge.model.report.RejectedLine;
import dev.triggerforge.model.report.ReportedSend;
import dev.triggerforge.model.report.RuleSummary;
import dev.triggerforge.model.report.SimulationReport;
import dev.triggerforge.model.trigger.TriggerSpec;
import dev.triggerforge.rules.compile.CompiledRuleSet;
import dev.triggerforge.rules.experiment.Distributions;
import dev.triggerforge.rules.experiment.ExperimentAnalyzer;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns a simulation's raw outcome into its report: counts per rule, delays, experiments and conflicts. */
public final class SimulationReports {

    private SimulationReports() {
    }

    public static SimulationReport report(CompiledRuleSet rules, SimulationRun run, List<CustomerEvent> events,
                                          List<RejectedLine> rejected, SimulationOptions options) {
        List<ReportedSend> sends = run.decisions().stream().map(ReportedSend::of).toList();
        return new SimulationReport(run.ruleSet(), run.from(), run.until(), run.eventsRead(), run.duplicates(),
                run.late(), List.copyOf(rejected), sends, run.suppressions(), perRule(rules, run, events),
                experiments(rules, run, events, options), Conflicts.find(sends, options.conflictWindow()),
                run.timelines().isEmpty() ? null : run.timelines());
    }

    private static Map<String, RuleSummary> perRule(CompiledRuleSet rules, SimulationRun run,
                                                    List<CustomerEvent> events) {
        Map<String, Long> eventTimes = new HashMap<>(events.size() * 2);
        events.forEach(e -> eventTimes.put(e.eventId(), e.occurredAt().toEpochMilli()));
        Map<String, List<EmailDecision>> sendsByRule = new TreeMap<>();
        rules.triggers().keySet().forEach(id -> sendsByRule.put(id, new ArrayList<>()));
        run.decisions().forEach(d -> sendsByRule.computeIfAbsent(d.ruleId(), id -> new ArrayList<>()).add(d));
        Map<String, Map<String, Long>> suppressed = new TreeMap<>();
        for (Suppression s : run.suppressions()) {
            sendsByRule.computeIfAbsent(s.ruleId(), id -> new ArrayList<>());
            suppressed.computeIfAbsent(s.ruleId(), id -> new TreeMap<>()).merge(s.reason().wireName(), 1L, Long::sum);
        }
        Map<String, RuleSummary> summaries = new TreeMap<>();
        sendsByRule.forEach((ruleId, decisions) -> {
            Map<String, Long> perVariant = new TreeMap<>();
            DescriptiveStatistics delays = new DescriptiveStatistics();
            for (EmailDecision d : decisions) {
                if (d.variant() != null) {
                    perVariant.merge(d.variant(), 1L, Long::sum);
                }
                long triggeredAt = Long.MIN_VALUE;
                for (String cause : d.causedBy()) {
                    triggeredAt = Math.max(triggeredAt, eventTimes.getOrDefault(cause, Long.MIN_VALUE));
                }
                if (triggeredAt != Long.MIN_VALUE) {
                    delays.addValue((d.sendAt().toEpochMilli() - triggeredAt) / 1000.0);
                }
            }
            summaries.put(ruleId, new RuleSummary(decisions.size(), suppressed.getOrDefault(ruleId, Map.of()),
                    perVariant, Distributions.of(delays)));
        });
        return summaries;
    }

    private static List<ExperimentResult> experiments(CompiledRuleSet rules, SimulationRun run,
                                                      List<CustomerEvent> events, SimulationOptions options) {
        ExperimentAnalyzer analyzer = new ExperimentAnalyzer(options.attributionWindow(), options.confidence());
        List<CustomerEvent> all = new ArrayList<>(events);
        all.addAll(run.responses());
        List<ExperimentResult> results = new ArrayList<>();
        for (TriggerSpec spec : new TreeMap<>(rules.triggers()).values()) {
            if (!spec.variants().isEmpty()) {
                results.add(analyzer.analyze(spec, run.decisions(), run.suppressions(), all));
            }
        }
        return results;
    }
}
