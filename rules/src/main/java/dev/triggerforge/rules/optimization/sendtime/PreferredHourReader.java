package dev.triggerforge.rules.optimization.sendtime;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

/**
 * A synthetic customer who reads email at one hidden local hour, so the send-time model has a right answer to find.
 *
 * <p>A send in the preferred hour is opened with probability {@link #OPEN_IN_HOUR} within minutes; a send in the hour
 * before it with {@link #OPEN_HOUR_BEFORE}, when the customer reads in the preferred hour; any other send only with
 * {@link #OPEN_ELSEWHERE}, and then mostly ({@link #BURIED_FOUND_AT_HOUR}) at the next preferred hour, else within an
 * hour of the send.
 */
public record PreferredHourReader(String customerId, ZoneId zone, int preferredHour) {

    public static final double OPEN_IN_HOUR = 0.45;
    public static final double OPEN_HOUR_BEFORE = 0.30;
    public static final double OPEN_ELSEWHERE = 0.08;
    public static final double BURIED_FOUND_AT_HOUR = 0.75;

    private static final ZoneId[] ZONES = {ZoneId.of("Europe/Berlin"), ZoneId.of("Europe/London"),
            ZoneId.of("America/New_York"), ZoneId.of("America/Los_Angeles"), ZoneId.of("Asia/Tokyo")};

    /**
     * Customer {@code index}: a zone from five, and a preferred hour that is in the evening (18-20) for 45 %, in the
     * morning (8-10) for 25 % and any hour for the rest, so a segment prior has a shape to learn.
     */
    static PreferredHourReader draw(int index, SplittableRandom r) {
        ZoneId zone = ZONES[r.nextInt(ZONES.length)];
        return new PreferredHourReader("reader-" + index, zone, drawHour(r));
    }

    /** A preferred local hour: in the evening (18-20) for 45 %, in the morning (8-10) for 25 %, any hour otherwise. */
    public static int drawHour(SplittableRandom r) {
        double kind = r.nextDouble();
        return kind < 0.45 ? 18 + r.nextInt(3) : kind < 0.70 ? 8 + r.nextInt(3) : r.nextInt(24);
    }

    /** The chance that an email sent at {@code sentAt} is ever opened, which depends on its local hour only. */
    public double openProbability(Instant sentAt) {
        int hour = sentAt.atZone(zone).getHour();
        if (hour == preferredHour) {
            return OPEN_IN_HOUR;
        }
        return hour == (preferredHour + 23) % 24 ? OPEN_HOUR_BEFORE : OPEN_ELSEWHERE;
    }

    /** When the customer opens an email sent at {@code sentAt}, or null when they never do. */
    public Instant openOf(Instant sentAt, SplittableRandom r) {
        int hour = sentAt.atZone(zone).getHour();
        double draw = r.nextDouble();
        if (hour == preferredHour) {
            return draw < OPEN_IN_HOUR ? sentAt.plus(Duration.ofMinutes(1 + r.nextInt(15))) : null;
        }
        if (hour == (preferredHour + 23) % 24) {
            return draw < OPEN_HOUR_BEFORE ? nextPreferredHour(sentAt).plus(Duration.ofMinutes(r.nextInt(20))) : null;
        }
        if (draw >= OPEN_ELSEWHERE) {
            return null;
        }
        return r.nextDouble() < BURIED_FOUND_AT_HOUR
                ? nextPreferredHour(sentAt).plus(Duration.ofMinutes(r.nextInt(30)))
                : sentAt.plus(Duration.ofMinutes(1 + r.nextInt(60)));
    }

    private Instant nextPreferredHour(Instant after) {
        ZonedDateTime local = after.atZone(zone).truncatedTo(ChronoUnit.HOURS);
        ZonedDateTime next = local.withHour(preferredHour);
        if (!next.toInstant().isAfter(after)) {
            next = next.plusDays(1).withHour(preferredHour);
        }
        return next.toInstant();
    }
}
