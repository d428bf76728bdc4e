package dev.triggerforge.rules.optimization.sendtime;

import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.event.EventType;
import dev.triggerforge.rules.guardrail.QuietHours;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Best time within a window: learns the customer's hour, leans on the segment, respects quiet hours and the window. */
class SendTimeModelTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final QuietHours NONE = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
    private static final QuietHours NIGHT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));
    /** Monday 06:00 in Berlin (winter, UTC+1). */
    private static final Instant MONDAY = Instant.parse("2026-01-12T05:00:00Z");
    private static final long WEEK_MILLIS = Duration.ofDays(7).toMillis();

    private static void opens(EngagementHistogram h, String customerId, int localHour, int count) {
        for (int i = 0; i < count; i++) {
            Instant at = MONDAY.atZone(BERLIN).minusDays(i + 1).withHour(localHour).withMinute(10).toInstant();
            h.record(new CustomerEvent(customerId + "-o" + localHour + "-" + i, customerId, EventType.EMAIL_OPEN, at,
                    Map.of("sendId", "s" + i)), BERLIN);
        }
    }

    /** A history of {@code weeks} weeks of three sends a week at random times, answered by each reader. */
    private static EngagementHistogram history(List<PreferredHourReader> readers, int weeks, long seed) {
        EngagementHistogram h = new EngagementHistogram(readers.size(), EngagementHistogram.DEFAULT_MAX_COUNT_PER_KIND);
        SplittableRandom r = new SplittableRandom(seed);
        long start = MONDAY.minus(Duration.ofDays(7L * weeks)).toEpochMilli();
        for (PreferredHourReader reader : readers) {
            for (int i = 0; i < weeks * 3; i++) {
                Instant at = Instant.ofEpochMilli(start + r.nextLong(weeks * WEEK_MILLIS));
                SendTimeEvaluation.send(reader, at, h, r.split());
            }
        }
        return h;
    }

    private static double shareFindingTheHiddenHour(int weeksOfHistory) {
        List<PreferredHourReader> readers = SendTimeEvaluation.readers(2_000, 11L);
        EngagementHistogram h = history(readers, weeksOfHistory, 12L);
        SendTimeModel model = new SendTimeModel(h, SegmentPrior.pooled(h, id -> true, 4.0));
        int found = 0;
        for (PreferredHourReader reader : readers) {
            SendTimeChoice choice = model.bestTime(reader.customerId(), reader.zone(), MONDAY, 24, NONE);
            found += choice.localHour() == reader.preferredHour() ? 1 : 0;
        }
        return found / (double) readers.size();
    }

    @Test
    void withEnoughHistoryTheHiddenPreferredHourIsFoundForMostCustomers() {
        double share = shareFindingTheHiddenHour(20);
        double withoutHistory = shareFindingTheHiddenHour(0);
        System.out.printf("send-time model: hidden hour found for %.1f %% with 20 weeks of history (60 sends), "
                + "%.1f %% with none%n", share * 100, withoutHistory * 100);

        assertThat(share).isGreaterThan(0.90);
        assertThat(withoutHistory).isLessThan(0.2);
    }

    @Test
    void withNoHistoryTheCustomerFollowsTheirSegmentPrior() {
        EngagementHistogram h = new EngagementHistogram();
        opens(h, "evening-1", 19, 8);
        opens(h, "evening-2", 19, 5);
        opens(h, "morning-1", 9, 7);
        SegmentPrior evenings = SegmentPrior.pooled(h, id -> id.startsWith("evening"), 4.0);
        SegmentPrior mornings = SegmentPrior.pooled(h, id -> id.startsWith("morning"), 4.0);
        SendTimeModel model = new SendTimeModel(h, id -> id.startsWith("evening") ? evenings : mornings);

        SendTimeChoice newEvening = model.bestTime("evening-new", BERLIN, MONDAY, 24, NIGHT);
        SendTimeChoice newMorning = model.bestTime("morning-new", BERLIN, MONDAY, 24, NIGHT);

        assertThat(newEvening.localHour()).isEqualTo(19);
        assertThat(newEvening.at()).isEqualTo(Instant.parse("2026-01-12T18:00:00Z"));
        assertThat(newEvening.reason()).startsWith("no opens or clicks yet, so following the segment, which engages "
                + "most at 19:00; sending at 19:00 local, 13 h after it was due");
        assertThat(newMorning.localHour()).isEqualTo(9);
    }

    @Test
    void ownHistoryOutweighsThePriorAndTheReasonQuotesIt() {
        EngagementHistogram h = new EngagementHistogram();
        opens(h, "c1", 19, 12);
        opens(h, "c1", 12, 8);
        SendTimeModel model = new SendTimeModel(h, SegmentPrior.of(spike(9, 1_000), 4.0));

        SendTimeChoice choice = model.bestTime("c1", BERLIN, Instant.parse("2026-01-12T14:00:00Z"), 24, NIGHT);

        assertThat(choice.localHour()).isEqualTo(19);
        assertThat(choice.reason()).isEqualTo("engages mostly at 19:00 (12 of 20 opens and clicks, prior worth 4); "
                + "sending at 19:00 local, 4 h after it was due");
        assertThat(choice.probability()).isCloseTo((12 + 4.0 / 1_024) / 24, within(1e-9));
        assertThat(choice.hourProbabilities().values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(1.0, within(1e-9));
    }

    @Test
    void aPreferredHourInsideQuietHoursIsNeverChosen() {
        EngagementHistogram h = new EngagementHistogram();
        opens(h, "owl", 23, 20);
        opens(h, "owl", 20, 2);
        SendTimeModel model = new SendTimeModel(h, SegmentPrior.uniform(4.0));
        SplittableRandom r = new SplittableRandom(3);

        for (int i = 0; i < 500; i++) {
            Instant earliest = MONDAY.plusSeconds(r.nextLong(14 * 86_400L));
            SendTimeChoice choice = model.bestTime("owl", BERLIN, earliest, 1 + r.nextInt(48), NIGHT);

            assertThat(NIGHT.nextAllowed(choice.at().toEpochMilli(), BERLIN)).isEqualTo(choice.at().toEpochMilli());
            assertThat(choice.localHour()).isNotEqualTo(23);
        }
        SendTimeChoice day = model.bestTime("owl", BERLIN, MONDAY, 24, NIGHT);
        assertThat(day.localHour()).isEqualTo(20);
        assertThat(day.reason()).contains("(23:00 is in quiet hours or outside the 24 h window)");
    }

    @Test
    void theChoiceStaysInsideTheWindow() {
        EngagementHistogram h = new EngagementHistogram();
        opens(h, "c1", 19, 20);
        SendTimeModel model = new SendTimeModel(h, SegmentPrior.uniform(4.0));
        SplittableRandom r = new SplittableRandom(5);

        for (int i = 0; i < 500; i++) {
            Instant earliest = MONDAY.plusSeconds(r.nextLong(14 * 86_400L));
            int window = r.nextInt(30);
            SendTimeChoice choice = model.bestTime("c1", BERLIN, earliest, window, NONE);

            assertThat(choice.at()).isBetween(earliest, earliest.plus(Duration.ofHours(window)));
        }
        Instant nine = Instant.parse("2026-01-12T08:00:00Z");
        assertThat(model.bestTime("c1", BERLIN, nine, 3, NONE).at()).isEqualTo(nine);
    }

    @Test
    void tiesGoToTheEarliestInstant() {
        SendTimeModel model = new SendTimeModel(new EngagementHistogram(), SegmentPrior.uniform(4.0));
        Instant earliest = Instant.parse("2026-01-12T10:17:00Z");

        SendTimeChoice choice = model.bestTime("nobody", BERLIN, earliest, 24, NONE);

        assertThat(choice.at()).isEqualTo(earliest);
        assertThat(choice.reason()).isEqualTo("no opens or clicks yet, of the customer or the segment, so every hour "
                + "is alike; sending now at 11:17 local");
    }

    @Test
    void whenQuietHoursCoverTheWholeWindowTheSendWaitsForThemToEnd() {
        SendTimeModel model = new SendTimeModel(new EngagementHistogram(), SegmentPrior.uniform(4.0));
        Instant lateEvening = ZonedDateTime.of(2026, 1, 12, 22, 0, 0, 0, BERLIN).toInstant();

        SendTimeChoice choice = model.bestTime("c1", BERLIN, lateEvening, 2, NIGHT);

        assertThat(choice.at()).isEqualTo(ZonedDateTime.of(2026, 1, 13, 8, 0, 0, 0, BERLIN).toInstant());
        assertThat(choice.reason()).contains("quiet hours cover the whole window");
    }

    @Test
    void theSameHistoryGivesTheSameChoice() {
        List<PreferredHourReader> readers = SendTimeEvaluation.readers(50, 21L);
        SendTimeModel a = new SendTimeModel(history(readers, 8, 22L), SegmentPrior.uniform(4.0));
        SendTimeModel b = new SendTimeModel(history(readers, 8, 22L), SegmentPrior.uniform(4.0));

        for (PreferredHourReader reader : readers) {
            assertThat(a.bestTime(reader.customerId(), reader.zone(), MONDAY, 24, NIGHT))
                    .isEqualTo(b.bestTime(reader.customerId(), reader.zone(), MONDAY, 24, NIGHT));
        }
    }

    private static long[] spike(int hour, long count) {
        long[] counts = new long[24];
        counts[hour] = count;
        return counts;
    }
}
