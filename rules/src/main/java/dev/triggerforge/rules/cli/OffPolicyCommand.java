package dev.triggerforge.rules.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.json.Json;
import dev.triggerforge.model.trigger.TriggerSpec;
import dev.triggerforge.rules.compile.RuleSetFiles;
import dev.triggerforge.rules.experiment.Proportions;
import dev.triggerforge.rules.optimization.bandit.CandidatePolicy;
import dev.triggerforge.rules.optimization.bandit.OffPolicyEstimate;
import dev.triggerforge.rules.optimization.evaluation.DecisionLog;
import dev.triggerforge.rules.simulation.EventFiles;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code off-policy}: what always sending one variant would have earned, estimated from recorded sends and clicks, so
 * a marketer can judge a switch before making it.
 */
@Command(name = "off-policy", mixinStandardHelpOptions = true,
        description = "Estimate each variant's click rate if it were always sent (IPS and SNIPS) from recorded "
                + "decisions and clicks.")
final class OffPolicyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--decisions", required = true, paramLabel = "FILE.jsonl",
            description = "Recorded decisions (EmailDecision JSON with explanation), one per line.")
    Path decisions;

    @Option(names = "--events", required = true, paramLabel = "FILE.jsonl",
            description = "Recorded events; email_click events with property sendId are the rewards.")
    Path events;

    @ArgGroup(multiplicity = "1")
    Selection selection;

    @Option(names = "--rules", arity = "1..*", paramLabel = "PATH",
            description = "Trigger spec files that map --experiment to its triggers (default: the experiment id is "
                    + "the trigger id, as when a trigger names no experiment).")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--window", defaultValue = "PT24H", paramLabel = "DURATION",
            description = "A click counts if it is at most this long after the send (default: ${DEFAULT-VALUE}).")
    Duration window;

    @Option(names = "--confidence", defaultValue = "0.95", paramLabel = "LEVEL",
            description = "Two-sided confidence of the intervals (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--weights", split = ",", paramLabel = "VARIANT=WEIGHT",
            description = "The fixed split's weights, for decisions recorded without probabilities, e.g. "
                    + "a=45,b=45,holdout=10; without them such decisions are skipped.")
    Map<String, Double> weights = new LinkedHashMap<>();

    /** Which trigger's decisions to read: by rule id or by experiment id. */
    static final class Selection {
        @Option(names = "--rule", required = true, paramLabel = "ID", description = "The trigger's id.")
        String rule;

        @Option(names = "--experiment", required = true, paramLabel = "ID", description = "The experiment's id.")
        String experiment;
    }

    @Override
    public Integer call() throws Exception {
        Set<String> ruleIds = ruleIds();
        DecisionLog log = DecisionLog.of(readDecisions(decisions), EventFiles.readEvents(events).records(),
                d -> ruleIds.contains(d.ruleId()), window, weights);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "Off-policy estimate for %s: %,d sends used, %,d skipped without probabilities "
                        + "(give --weights for a fixed split); reward: a click within %s.%n", String.join(", ", ruleIds),
                log.decisions().size(), log.withoutPropensity(), window);
        if (log.decisions().size() < 2) {
            throw new IllegalArgumentException("Fewer than 2 usable sends: nothing to estimate.");
        }
        long clicks = log.decisions().stream().filter(d -> d.reward() > 0).count();
        var logged = Proportions.wilson(clicks, log.decisions().size(), confidence);
        out.printf(Locale.ROOT, "Logged click rate: %s (%,d of %,d)%n%n", rate(logged.value(), logged.low(),
                logged.high()), clicks, log.decisions().size());
        out.printf(Locale.ROOT, "| always send | logged sends | IPS (%1$.0f %%) | SNIPS (%1$.0f %%) "
                + "| lift over logged (%1$.0f %%) |%n|---|---|---|---|---|%n", 100 * confidence);
        for (String arm : log.arms()) {
            OffPolicyEstimate e = OffPolicyEstimate.of(log.decisions(), CandidatePolicy.always(arm), confidence);
            long sends = log.decisions().stream().filter(d -> d.arm().equals(arm)).count();
            out.printf(Locale.ROOT, "| %s | %,d | %s | %s | %s |%n", arm, sends,
                    rate(e.ips(), e.ipsInterval().low(), e.ipsInterval().high()),
                    rate(e.snips(), e.snipsInterval().low(), e.snipsInterval().high()),
                    String.format(Locale.ROOT, "%+.2f points (%+.2f, %+.2f)", 100 * e.lift(),
                            100 * e.liftInterval().low(), 100 * e.liftInterval().high()));
        }
        return 0;
    }

    private Set<String> ruleIds() throws Exception {
        if (selection.rule != null) {
            return Set.of(selection.rule);
        }
        if (rules.isEmpty()) {
            return Set.of(selection.experiment);
        }
        Set<String> ids = RuleSetFiles.load(rules).triggers().stream()
                .filter(t -> t.experimentId().equals(selection.experiment)).map(TriggerSpec::id)
                .collect(Collectors.toSet());
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("No trigger of the rules runs experiment '" + selection.experiment + "'.");
        }
        return ids;
    }

    private static List<EmailDecision> readDecisions(Path file) throws IOException {
        List<EmailDecision> list = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    list.add(Json.mapper().readValue(line, EmailDecision.class));
                } catch (JsonProcessingException | RuntimeException e) {
                    throw new IllegalArgumentException(file.getFileName() + " line " + number
                            + " is not a decision: " + e.getMessage());
                }
            }
        }
        return list;
    }

    private static String rate(double value, double low, double high) {
        return String.format(Locale.ROOT, "%.2f %% (%.2f - %.2f)", 100 * value, 100 * low, 100 * high);
    }
}
