package dev.triggerforge.rules.optimization.evaluation;

import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.event.EventType;
import dev.triggerforge.model.report.Rate;
import dev.triggerforge.rules.experiment.Interval;
import dev.triggerforge.rules.experiment.Proportions;
import dev.triggerforge.rules.guardrail.QuietHours;
import dev.triggerforge.rules.simulation.SimulationRun;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * How one arm of the evaluation did against the hidden preferences: what it earned, what it lost against the best
 * choice per customer, and whether its models found the right variant and hour.
 *
 * @param sends                  emails sent by the evaluated trigger
 * @param clicks                 of them, clicked at least once
 * @param clickRate              clicks per send with its Wilson interval
 * @param lift                   click rate minus the baseline's, with Newcombe's interval; null for the baseline
 * @param regret                 the sum over sends of the best choice's click chance minus the send's
 * @param lateBestShare          of the last quarter of each segment's adaptive decisions, the share sent the
 *                               customer's best variant, over all segments; null when the split was fixed
 * @param lateBestShareBySegment the same per segment
 * @param hiddenHourShare        of best-time sends, the share sent in the customer's hidden local hour; null when sent
 *                               when due
 * @param hiddenHourByHistory    of best-time sends to customers whose hidden hour is outside quiet hours (so the
 *                               model may use it), the share in that hour, by how many opens and clicks of theirs
 *                               had happened before the email was due: 0, 1, 2 and {@link #MOST_HISTORY} or more
 */
public record ArmScore(long sends, long clicks, Rate clickRate, Interval lift, double regret, Double lateBestShare,
                       Map<String, Double> lateBestShareBySegment, Double hiddenHourShare,
                       Map<Integer, Rate> hiddenHourByHistory) {

    /** The last bucket of {@link #hiddenHourByHistory}: this many opens and clicks or more. */
    public static final int MOST_HISTORY = 3;

    /** The window the best choice may use, the same for every arm: the candidate's best-time window. */
    public static final Duration BEST_WINDOW = Duration.ofHours(24);

    /** Scores the evaluated trigger's sends of {@code run}; {@code baseline} is null when scoring the baseline. */
    static ArmScore of(SimulationRun run, HiddenPreferences hidden, Function<String, ZoneId> zones, QuietHours quiet,
                       ArmScore baseline, double confidence) {
        List<EmailDecision> sends = run.decisions().stream()
                .filter(d -> d.ruleId().equals(EvaluationArm.RULE_ID)).toList();
        Set<String> clicked = new HashSet<>();
        Map<String, List<Instant>> engagements = new HashMap<>();
        for (CustomerEvent e : run.responses()) {
            if (e.is(EventType.EMAIL_CLICK)) {
                clicked.add(e.text("sendId"));
            }
            if (e.is(EventType.EMAIL_OPEN) || e.is(EventType.EMAIL_CLICK)) {
                engagements.computeIfAbsent(e.customerId(), c -> new ArrayList<>()).add(e.occurredAt());
            }
        }
        long clicks = sends.stream().filter(d -> clicked.contains(d.idempotencyKey())).count();
        double regret = 0;
        for (EmailDecision d : sends) {
            regret += hidden.bestClick(d.customerId(), due(d), BEST_WINDOW, quiet) - hidden.expectedClick(d);
        }
        Rate rate = Proportions.wilson(clicks, sends.size(), confidence);
        Interval lift = baseline == null ? null : Proportions.newcombe(clicks, sends.size(), baseline.clicks(),
                baseline.sends(), confidence);
        Map<String, Double> late = lateBestShares(sends, hidden);
        List<EmailDecision> timed = sends.stream()
                .filter(d -> d.explanation() != null && d.explanation().sendTimeReason() != null).toList();
        long[] inHour = new long[MOST_HISTORY + 1];
        long[] reachableSends = new long[MOST_HISTORY + 1];
        for (EmailDecision d : timed) {
            ZoneId zone = zones.apply(d.customerId());
            int hour = hidden.preferredHour(d.customerId());
            if (reachable(hour, zone, due(d), quiet)) {
                int history = (int) Math.min(MOST_HISTORY, engagements.getOrDefault(d.customerId(), List.of()).stream()
                        .filter(at -> at.isBefore(due(d))).count());
                reachableSends[history]++;
                inHour[history] += d.sendAt().atZone(zone).getHour() == hour ? 1 : 0;
            }
        }
        Map<Integer, Rate> byHistory = new TreeMap<>();
        for (int h = 0; h <= MOST_HISTORY && !timed.isEmpty(); h++) {
            byHistory.put(h, Proportions.wilson(inHour[h], reachableSends[h], confidence));
        }
        Double overall = late.remove("*");
        return new ArmScore(sends.size(), clicks, rate, lift, regret, overall, Collections.unmodifiableMap(late),
                share(timed, hidden, zones), Collections.unmodifiableMap(byHistory));
    }

    /** When the email was due: before a best time was chosen, or when it was sent. */
    static Instant due(EmailDecision d) {
        return d.explanation() != null && d.explanation().dueAt() != null ? d.explanation().dueAt() : d.sendAt();
    }

    /** Late shares per segment, and over all segments under {@code *}; empty when no decision was adaptive. */
    private static Map<String, Double> lateBestShares(List<EmailDecision> sends, HiddenPreferences hidden) {
        Map<String, List<EmailDecision>> bySegment = new TreeMap<>();
        for (EmailDecision d : sends) {
            if (d.explanation() != null && !d.explanation().variantProbabilities().isEmpty()) {
                bySegment.computeIfAbsent(d.explanation().segment(), s -> new ArrayList<>()).add(d);
            }
        }
        Map<String, Double> shares = new TreeMap<>();
        long best = 0;
        long late = 0;
        for (Map.Entry<String, List<EmailDecision>> segment : bySegment.entrySet()) {
            List<EmailDecision> list = segment.getValue();
            List<EmailDecision> lastQuarter = list.subList(list.size() - list.size() / 4, list.size());
            long right = lastQuarter.stream().filter(d -> d.variant().equals(hidden.bestArm(d.customerId()))).count();
            if (!lastQuarter.isEmpty()) {
                shares.put(segment.getKey(), (double) right / lastQuarter.size());
            }
            best += right;
            late += lastQuarter.size();
        }
        if (late > 0) {
            shares.put("*", (double) best / late);
        }
        return shares;
    }

    private static Double share(List<EmailDecision> sends, HiddenPreferences hidden,
                                Function<String, ZoneId> zones) {
        if (sends.isEmpty()) {
            return null;
        }
        long inHour = sends.stream().filter(d -> d.sendAt().atZone(zones.apply(d.customerId())).getHour()
                == hidden.preferredHour(d.customerId())).count();
        return (double) inHour / sends.size();
    }

    /** Whether the start of the local hour is outside quiet hours on the day the email was due. */
    private static boolean reachable(int hour, ZoneId zone, Instant due, QuietHours quiet) {
        long start = ZonedDateTime.of(due.atZone(zone).toLocalDate(), LocalTime.of(hour, 0), zone)
                .toInstant().toEpochMilli();
        return quiet.nextAllowed(start, zone) == start;
    }
}
