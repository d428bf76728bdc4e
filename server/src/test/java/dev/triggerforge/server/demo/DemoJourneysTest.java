package dev.triggerforge.server.demo;

import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.event.EventType;
import dev.triggerforge.model.json.EventCodec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo's generated traffic: recent, ordered, valid, with consenting profiles and carts that have gone quiet. */
class DemoJourneysTest {

    private static final Instant NOW = Instant.parse("2026-03-10T14:07:31.123Z");
    private static final Duration CART_WAIT = Duration.ofMinutes(30);

    private final DemoJourneys demo = new DemoJourneys(200, 1, Duration.ofMinutes(45), NOW);
    private final List<CustomerEvent> backlog = demo.backlog();

    @Test
    void theBacklogLiesWithinTheLastHourInTimeOrder() {
        assertTrue(backlog.size() > 500, "a busy 45 minutes: " + backlog.size());
        Instant previous = Instant.MIN;
        for (CustomerEvent e : backlog) {
            assertTrue(e.occurredAt().isAfter(NOW.minus(Duration.ofHours(1))), e.toString());
            assertTrue(e.occurredAt().isBefore(NOW), e.toString());
            assertFalse(e.occurredAt().isBefore(previous), "out of order at " + e);
            previous = e.occurredAt();
        }
        assertTrue(previous.isAfter(NOW.minus(Duration.ofMinutes(5))), "the journeys run up to now: " + previous);
    }

    @Test
    void everyCustomerFirstGetsAProfileWithEmailAndConsent() {
        Map<String, CustomerEvent> profiles = new HashMap<>();
        for (CustomerEvent e : backlog) {
            if (e.is(EventType.PROFILE_UPDATE)) {
                profiles.put(e.customerId(), e);
            } else {
                assertTrue(profiles.containsKey(e.customerId()), "event before its customer's profile: " + e);
            }
        }
        assertEquals(200, profiles.size());
        for (CustomerEvent p : profiles.values()) {
            assertTrue(p.text("email").contains("@"), p.toString());
            assertEquals(Boolean.TRUE, p.properties().get("marketingConsent"), p.toString());
            assertTrue(p.properties().containsKey("timezone"), p.toString());
        }
    }

    @Test
    void someCartsWentQuietMoreThanThirtyMinutesAgo() {
        Map<String, CustomerEvent> lastCartActivity = new HashMap<>();
        for (CustomerEvent e : backlog) {
            if (e.is(EventType.CART_ADD) || e.is(EventType.CART_REMOVE) || e.is(EventType.PURCHASE)) {
                lastCartActivity.put(e.customerId(), e);
            }
        }
        long quiet = lastCartActivity.values().stream()
                .filter(e -> e.is(EventType.CART_ADD))
                .filter(e -> e.occurredAt().isBefore(NOW.minus(CART_WAIT)))
                .count();
        assertTrue(quiet >= 3, "carts whose last activity was an add over 30 minutes ago: " + quiet);
    }

    @Test
    void everyEventIsValidOnTheWireAndHasAnIdOfItsOwn() {
        Set<String> ids = new HashSet<>();
        for (CustomerEvent e : backlog) {
            assertEquals(e, EventCodec.decode(EventCodec.encode(e)));
            assertTrue(ids.add(e.eventId()), "duplicate id " + e.eventId());
        }
        List<CustomerEvent> nextRun = new DemoJourneys(200, 1, Duration.ofMinutes(45), NOW.plusSeconds(60)).backlog();
        assertTrue(nextRun.stream().noneMatch(e -> ids.contains(e.eventId())), "a restarted demo repeats no id");
    }

    @Test
    void liveEventsHappenNowAndBringNewConsentingCustomersWhenADayRunsOut() {
        DemoJourneys small = new DemoJourneys(20, 7, Duration.ofMinutes(45), NOW);
        Set<String> ids = new HashSet<>();
        small.backlog().forEach(e -> ids.add(e.eventId()));
        LiveEvents live = small.live();
        Set<String> introduced = new HashSet<>();
        Instant t = NOW;
        int newCustomerEvents = 0;
        while (live.batchNumber() < 2) {
            t = t.plusMillis(50);
            CustomerEvent e = live.next(t);
            assertEquals(t, e.occurredAt());
            assertTrue(ids.add(e.eventId()), "duplicate id " + e.eventId());
            assertEquals(e, EventCodec.decode(EventCodec.encode(e)));
            if (live.batchNumber() == 1) {
                assertTrue(e.customerId().endsWith("-b1"), e.toString());
                if (e.is(EventType.PROFILE_UPDATE)) {
                    assertEquals(Boolean.TRUE, e.properties().get("marketingConsent"));
                    introduced.add(e.customerId());
                } else {
                    assertTrue(introduced.contains(e.customerId()), "event before its customer's profile: " + e);
                    newCustomerEvents++;
                }
            }
        }
        assertEquals(20, introduced.size());
        assertTrue(newCustomerEvents > 100, "a day of shopping by the new customers: " + newCustomerEvents);
    }

    @Test
    void aBacklogLongerThanTheGeneratedDayIsRejectedNamingTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DemoJourneys(10, 1, Duration.ofHours(25), NOW));
        assertTrue(e.getMessage().contains("triggerforge.demo.backlog"), e.getMessage());
    }
}
