package dev.triggerforge.rules.optimization.sendtime;

import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.event.EventType;
import dev.triggerforge.model.report.Rate;
import dev.triggerforge.rules.experiment.Proportions;
import dev.triggerforge.rules.guardrail.QuietHours;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Measures on synthetic customers with a hidden preferred reading hour how much best-time sending opens more than
 * sending when due, so the model's value is a number with an interval rather than a claim.
 *
 * <p>Every customer first gets {@code warmUpWeeks} of sends when due, which fill the history; the segment prior is
 * then pooled over all customers. In the measured weeks the same due times are sent two ways, each arm learning from
 * its own outcomes: when due (moved only out of quiet hours) and at the model's best time within
 * {@code windowHours}. A send's response comes from a random stream keyed by customer and send, the same in both arms,
 * so the arms differ only by when they send.
 */
public final class SendTimeEvaluation {

    private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
    private static final long WEEK_MILLIS = Duration.ofDays(7).toMillis();
    private static final double CONFIDENCE = 0.95;

    private SendTimeEvaluation() {
    }

    /**
     * What to simulate.
     *
     * @param customers     synthetic customers
     * @param warmUpWeeks   weeks of sends when due before the measurement, to learn from
     * @param weeks         measured weeks
     * @param sendsPerWeek  sends per customer per week, due at uniformly random instants
     * @param windowHours   how long best-time may wait after a send is due
     * @param priorStrength the segment prior's weight in engagements
     * @param quiet         quiet hours both arms respect
     * @param seed          of every random draw
     */
    public record Settings(int customers, int warmUpWeeks, int weeks, int sendsPerWeek, int windowHours,
                           double priorStrength, QuietHours quiet, long seed) {

        public Settings {
            if (customers < 1 || warmUpWeeks < 0 || weeks < 1 || sendsPerWeek < 1 || windowHours < 0) {
                throw new IllegalArgumentException("customers, weeks and sendsPerWeek must be at least 1, "
                        + "warmUpWeeks and windowHours at least 0");
            }
        }
    }

    /**
     * The measured open rates (Wilson, 95 %) and the relative lift of best time over when due.
     *
     * @param whenDue     opened sends of those sent when due
     * @param bestTime    opened sends of those sent at the best time
     * @param lift        {@code bestTime / whenDue - 1}
     * @param meanDelayHours how long best time waited after the due time, on average
     */
    public record Result(Rate whenDue, Rate bestTime, double lift, double meanDelayHours) {

        /** Whether best time's interval lies wholly above when due's. */
        public boolean separated() {
            return bestTime.low() > whenDue.high();
        }
    }

    /** Runs the comparison; the same settings give the same result. */
    public static Result run(Settings s) {
        List<PreferredHourReader> readers = readers(s.customers(), s.seed());
        EngagementHistogram warm = new EngagementHistogram(s.customers(),
                EngagementHistogram.DEFAULT_MAX_COUNT_PER_KIND);
        for (int i = 0; i < readers.size(); i++) {
            PreferredHourReader reader = readers.get(i);
            for (long due : dueTimes(s, i, 0, s.warmUpWeeks())) {
                send(reader, Instant.ofEpochMilli(s.quiet().nextAllowed(due, reader.zone())), warm,
                        response(s.seed(), i, due));
            }
        }
        SegmentPrior prior = SegmentPrior.pooled(warm, id -> true, s.priorStrength());
        EngagementHistogram dueHistory = EngagementHistogram.restore(warm.snapshot());
        EngagementHistogram bestHistory = EngagementHistogram.restore(warm.snapshot());
        SendTimeModel model = new SendTimeModel(bestHistory, prior);
        long sends = 0;
        long dueOpens = 0;
        long bestOpens = 0;
        double delayMillis = 0;
        for (int i = 0; i < readers.size(); i++) {
            PreferredHourReader reader = readers.get(i);
            for (long due : dueTimes(s, i, s.warmUpWeeks(), s.weeks())) {
                Instant whenDue = Instant.ofEpochMilli(s.quiet().nextAllowed(due, reader.zone()));
                Instant best = model.bestTime(reader.customerId(), reader.zone(), Instant.ofEpochMilli(due),
                        s.windowHours(), s.quiet()).at();
                sends++;
                dueOpens += send(reader, whenDue, dueHistory, response(s.seed(), i, due)) ? 1 : 0;
                bestOpens += send(reader, best, bestHistory, response(s.seed(), i, due)) ? 1 : 0;
                delayMillis += best.toEpochMilli() - due;
            }
        }
        Rate dueRate = Proportions.wilson(dueOpens, sends, CONFIDENCE);
        Rate bestRate = Proportions.wilson(bestOpens, sends, CONFIDENCE);
        double lift = dueRate.value() == 0 ? Double.NaN : bestRate.value() / dueRate.value() - 1;
        return new Result(dueRate, bestRate, lift, delayMillis / sends / 3_600_000.0);
    }

    /** The synthetic customers of a run. */
    static List<PreferredHourReader> readers(int customers, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<PreferredHourReader> out = new ArrayList<>(customers);
        for (int i = 0; i < customers; i++) {
            out.add(PreferredHourReader.draw(i, r.split()));
        }
        return out;
    }

    /**
     * Delivers a send at {@code at} to the reader, records the delivery and any open in {@code history}, and returns
     * whether it was opened.
     */
    static boolean send(PreferredHourReader reader, Instant at, EngagementHistogram history, SplittableRandom r) {
        String sendId = reader.customerId() + "@" + at.toEpochMilli();
        Map<String, Object> feedback = Map.of("sendId", sendId);
        history.record(new CustomerEvent(sendId + "-delivered", reader.customerId(), EventType.EMAIL_DELIVERED,
                at.plusSeconds(5), feedback), reader.zone());
        Instant open = reader.openOf(at, r);
        if (open == null) {
            return false;
        }
        history.record(new CustomerEvent(sendId + "-open", reader.customerId(), EventType.EMAIL_OPEN, open,
                feedback), reader.zone());
        return true;
    }

    /** The response stream of the send due at {@code due} to customer {@code index}: the same in both arms. */
    static SplittableRandom response(long seed, int index, long due) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ (index * 0xD1B54A32D192ED03L + due));
    }

    private static long[] dueTimes(Settings s, int index, int fromWeek, int weeks) {
        SplittableRandom r = new SplittableRandom(s.seed() ^ (0x5EED_0000L + index) * 0xBF58476D1CE4E5B9L);
        long[] out = new long[(fromWeek + weeks) * s.sendsPerWeek()];
        for (int w = 0; w < fromWeek + weeks; w++) {
            for (int k = 0; k < s.sendsPerWeek(); k++) {
                out[w * s.sendsPerWeek() + k] = START.toEpochMilli() + w * WEEK_MILLIS + r.nextLong(WEEK_MILLIS);
            }
        }
        Arrays.sort(out);
        return Arrays.copyOfRange(out, fromWeek * s.sendsPerWeek(), out.length);
    }
}
