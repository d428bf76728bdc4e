package dev.triggerforge.rules.synthetic;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.SplittableRandom;

/**
 * When visits happen: an hour-of-day profile in the customer's own time zone (quiet at night, peaks at lunch and in
 * the evening) and busier weekends, so sends meet quiet hours and local time the way real traffic does.
 */
final class Seasonality {

    /** Relative visit rate for each local hour 0..23. */
    static final double[] HOUR_WEIGHTS = {
            0.9, 0.5, 0.3, 0.2, 0.2, 0.3, 0.7, 1.3, 2.0, 2.5, 2.8, 3.2,
            4.2, 4.0, 3.0, 2.8, 2.9, 3.2, 3.8, 4.6, 5.0, 4.6, 3.2, 1.8};

    /** Saturdays and Sundays see this many times the visits of a weekday. */
    static final double WEEKEND_FACTOR = 1.25;

    private static final long HOUR_MILLIS = 3_600_000L;
    private static final int MAX_ATTEMPTS = 64;

    private final long startMillis;
    private final long endMillis;
    private final double[] hourCumulative = new double[24];

    Seasonality(Instant start, Instant end) {
        this.startMillis = start.toEpochMilli();
        this.endMillis = end.toEpochMilli();
        double total = 0;
        for (double w : HOUR_WEIGHTS) {
            total += w;
        }
        double sum = 0;
        for (int h = 0; h < 24; h++) {
            sum += HOUR_WEIGHTS[h] / total;
            hourCumulative[h] = sum;
        }
        hourCumulative[23] = 1.0;
    }

    long startMillis() {
        return startMillis;
    }

    long endMillis() {
        return endMillis;
    }

    /**
     * A random visit start in the period, in epoch milliseconds: a local day (weekends weighted up), an hour from the
     * profile and a uniform moment within it, retried until it falls inside the period.
     */
    long visitStart(ZoneId zone, SplittableRandom r) {
        LocalDate first = LocalDate.ofInstant(Instant.ofEpochMilli(startMillis), zone);
        int localDays = (int) (LocalDate.ofInstant(Instant.ofEpochMilli(endMillis - 1), zone).toEpochDay()
                - first.toEpochDay()) + 1;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            LocalDate day = first.plusDays(r.nextInt(localDays));
            if (!isWeekend(day) && r.nextDouble() * WEEKEND_FACTOR > 1.0) {
                continue;
            }
            long t = LocalDateTime.of(day.getYear(), day.getMonth(), day.getDayOfMonth(), hour(r), 0)
                    .atZone(zone).toInstant().toEpochMilli() + r.nextLong(HOUR_MILLIS);
            if (t >= startMillis && t < endMillis) {
                return t;
            }
        }
        return startMillis + r.nextLong(endMillis - startMillis);
    }

    private int hour(SplittableRandom r) {
        double u = r.nextDouble();
        int h = 0;
        while (hourCumulative[h] <= u && h < 23) {
            h++;
        }
        return h;
    }

    private static boolean isWeekend(LocalDate day) {
        DayOfWeek d = day.getDayOfWeek();
        return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
    }
}
