package dev.triggerforge.rules.optimization.evaluation;

import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.json.EventCodec;
import dev.triggerforge.model.json.Json;
import dev.triggerforge.rules.cli.TriggerForgeCli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code triggerforge off-policy} on the files an evaluation run writes: the baseline's even split of {@code a} and
 * {@code b} sent when due, whose decisions carry no probabilities, and the adaptive arm's, whose do.
 */
class OptimizationEvaluationOffPolicyTest {

    private static final Pattern ROW = Pattern.compile(
            "\\| (\\w+) \\| [\\d,]+ \\| ([\\d.]+) % \\(([\\d.]+) - ([\\d.]+)\\) \\| .*");

    @TempDir
    static Path dir;
    private static OptimizationEvaluation.Result result;

    @BeforeAll
    static void runAndRecord() throws Exception {
        result = OptimizationEvaluation.run(OptimizationEvaluation.Settings.DEFAULTS, Set.of(EvaluationArm.ADAPTIVE));
        for (EvaluationArm arm : result.arms().keySet()) {
            write(result.arm(arm).run().decisions(), result.arm(arm).run().responses(), arm);
        }
    }

    /**
     * Catches an IPS estimate that is biased or mis-weighted on a fixed split: "always a" (a is best for every
     * customer but German speakers) must cover its true click rate on the same sends, computed from the hidden
     * preferences, and lie above the even split's logged click rate.
     */
    @Test
    void theBestVariantsEstimateCoversItsTrueRateAndBeatsTheEvenSplit() {
        String output = offPolicy(EvaluationArm.BASELINE, "--weights", "a=50,b=50");
        System.out.println(output);
        List<EmailDecision> sends = result.arm(EvaluationArm.BASELINE).run().decisions();
        double truth = sends.stream().mapToDouble(d -> result.hidden().expectedClick(d.customerId(), d.sendAt(), "a"))
                .average().orElseThrow();
        double logged = result.arm(EvaluationArm.BASELINE).score().clickRate().value();
        double[] a = row(output, "a");
        assertThat(truth * 100).isBetween(a[1], a[2]);
        assertThat(a[0] / 100).isGreaterThan(logged);
        assertThat(output).contains("0 skipped");
    }

    /**
     * Catches decisions of a fixed split silently given a made-up propensity, and adaptive decisions whose recorded
     * probabilities are not used: without weights the baseline's sends are all skipped and the command fails, while
     * the adaptive arm's estimate of "always a" still covers the truth.
     */
    @Test
    void decisionsWithoutProbabilitiesNeedWeightsWhileAdaptiveOnesCarryTheirs() {
        StringWriter err = new StringWriter();
        int code = TriggerForgeCli.execute(args(EvaluationArm.BASELINE), new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        assertThat(code).isEqualTo(TriggerForgeCli.USER_ERROR);
        assertThat(err.toString()).contains("Fewer than 2 usable sends");

        String output = offPolicy(EvaluationArm.ADAPTIVE);
        System.out.println(output);
        List<EmailDecision> sends = result.arm(EvaluationArm.ADAPTIVE).run().decisions();
        double truth = sends.stream().mapToDouble(d -> result.hidden().expectedClick(d.customerId(), d.sendAt(), "a"))
                .average().orElseThrow();
        double[] a = row(output, "a");
        assertThat(truth * 100).isBetween(a[1], a[2]);
    }

    /** Catches {@code --experiment} selecting other sends than the trigger it names by default. */
    @Test
    void anExperimentWithoutRulesIsTheTriggerOfTheSameId() {
        String byRule = offPolicy(EvaluationArm.ADAPTIVE);
        String[] byExperiment = args(EvaluationArm.ADAPTIVE);
        byExperiment[byExperiment.length - 2] = "--experiment";
        StringWriter out = new StringWriter();
        assertThat(TriggerForgeCli.execute(byExperiment, new PrintWriter(out), new PrintWriter(new StringWriter())))
                .isZero();
        assertThat(out.toString()).isEqualTo(byRule).contains("| b |");
    }

    private static String offPolicy(EvaluationArm arm, String... more) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = args(arm);
        String[] joined = Stream.concat(Arrays.stream(all), Arrays.stream(more))
                .toArray(String[]::new);
        int code = TriggerForgeCli.execute(joined, new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as(err.toString()).isZero();
        return out.toString();
    }

    private static String[] args(EvaluationArm arm) {
        String name = arm.name().toLowerCase(Locale.ROOT);
        return new String[]{"off-policy", "--decisions", dir.resolve(name + "-decisions.jsonl").toString(),
                "--events", dir.resolve(name + "-events.jsonl").toString(), "--rule", EvaluationArm.RULE_ID};
    }

    /** The IPS value, low and high of the arm's row, in percent. */
    private static double[] row(String output, String arm) {
        for (String line : output.split("\n")) {
            Matcher m = ROW.matcher(line.trim());
            if (m.matches() && m.group(1).equals(arm)) {
                return new double[]{Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
                        Double.parseDouble(m.group(4))};
            }
        }
        throw new AssertionError("no row for " + arm + " in\n" + output);
    }

    private static void write(List<EmailDecision> decisions, List<CustomerEvent> events, EvaluationArm arm)
            throws Exception {
        String name = arm.name().toLowerCase(Locale.ROOT);
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve(name + "-decisions.jsonl"))) {
            for (EmailDecision d : decisions) {
                out.write(Json.mapper().writeValueAsString(d));
                out.newLine();
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve(name + "-events.jsonl"))) {
            for (CustomerEvent e : events) {
                out.write(EventCodec.encode(e));
                out.newLine();
            }
        }
    }
}
