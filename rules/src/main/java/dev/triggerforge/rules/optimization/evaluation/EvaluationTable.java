package dev.triggerforge.rules.optimization.evaluation;

import dev.triggerforge.model.report.Rate;
import dev.triggerforge.rules.experiment.Interval;

import java.util.Locale;
import java.util.Map;

/** The evaluation as markdown, the form the optimization guide and a pull request show it in. */
public final class EvaluationTable {

    private EvaluationTable() {
    }

    public static String markdown(OptimizationEvaluation.Result result) {
        OptimizationEvaluation.Settings s = result.settings();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%,d customers, %d days, seed %d, %d partitions%n%n", s.customers(),
                s.days(), s.seed(), s.partitions()));
        out.append("| arm | sends | clicks | click rate (95 % Wilson) | lift over baseline (95 % Newcombe) "
                + "| expected regret (per send) | best variant, last quarter | best-time sends in hidden hour |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        Rate baseline = result.arm(EvaluationArm.BASELINE).score().clickRate();
        for (OptimizationEvaluation.ArmRun run : result.arms().values()) {
            ArmScore a = run.score();
            out.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %s | %s | %.1f (%.2f %%) | %s | %s |%n",
                    run.arm().label(), a.sends(), a.clicks(), rate(a.clickRate()),
                    lift(a.clickRate().value() - baseline.value(), a.lift()), a.regret(),
                    a.sends() == 0 ? 0 : 100 * a.regret() / a.sends(), percent(a.lateBestShare()),
                    percent(a.hiddenHourShare())));
        }
        for (OptimizationEvaluation.ArmRun run : result.arms().values()) {
            Map<Integer, Rate> byHistory = run.score().hiddenHourByHistory();
            if (!byHistory.isEmpty()) {
                out.append(String.format(Locale.ROOT, "%nIn the hidden hour (when outside quiet hours), by opens and "
                        + "clicks before the due time, %s:", run.arm().label()));
                byHistory.forEach((history, share) -> out.append(String.format(Locale.ROOT, " %s: %,d of %,d (%s);",
                        history == ArmScore.MOST_HISTORY ? history + "+" : history, share.successes(), share.trials(),
                        percent(share.value()))));
                out.setLength(out.length() - 1);
                out.append('\n');
            }
        }
        for (OptimizationEvaluation.ArmRun run : result.arms().values()) {
            Map<String, Double> bySegment = run.score().lateBestShareBySegment();
            if (!bySegment.isEmpty()) {
                out.append(String.format(Locale.ROOT, "%nBest variant in the last quarter, %s:", run.arm().label()));
                bySegment.forEach((segment, share) -> out.append(' ').append(segment).append(' ')
                        .append(percent(share)).append(';'));
                out.setLength(out.length() - 1);
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String rate(Rate r) {
        return String.format(Locale.ROOT, "%.2f %% (%.2f - %.2f)", 100 * r.value(), 100 * r.low(), 100 * r.high());
    }

    private static String lift(double difference, Interval i) {
        if (i == null) {
            return "-";
        }
        return String.format(Locale.ROOT, "%+.2f points (%+.2f, %+.2f)", 100 * difference, 100 * i.low(),
                100 * i.high());
    }

    private static String percent(Double share) {
        return share == null ? "-" : String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }
}
