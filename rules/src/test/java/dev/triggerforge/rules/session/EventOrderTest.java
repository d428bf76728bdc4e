package dev.triggerforge.rules.session;

import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.profile.CustomerProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.triggerforge.rules.session.Scenario.T0;
import static dev.triggerforge.rules.session.Scenario.cartLine;
import static dev.triggerforge.rules.session.Scenario.purchase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Events that arrive twice, out of order, too late or from the future, and clocks that jump: time follows events. */
class EventOrderTest {

    private static Duration min(long m) {
        return Duration.ofMinutes(m);
    }

    /** Offers an event that occurred at {@code occurredAt} without moving the clock. */
    private static Offer offerOccurred(Scenario s, Duration occurredAt, String customerId, String type,
                                       Object... keyValues) {
        return s.session.offer(s.event(customerId, type, T0.plus(occurredAt), keyValues));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> cartLines(EmailDecision d) {
        return (List<Map<String, Object>>) ((Map<String, Object>) d.variables().get("cart")).get("lines");
    }

    @Test
    void aRepeatedEventIdIsIgnored() {
        try (Scenario s = new Scenario().customer("c1")) {
            CustomerEvent add = s.event("c1", "cart_add", T0, cartLine("A", "10.00"));
            assertThat(s.session.offer(add)).isEqualTo(Offer.ACCEPTED);
            s.session.advanceTo(T0.plus(min(1)));
            assertThat(s.session.offer(add)).isEqualTo(Offer.DUPLICATE);
            CustomerEvent sameIdOtherContent = new CustomerEvent(add.eventId(), "c1", add.type(), T0.plus(min(1)),
                    Scenario.props(cartLine("B", "99.00")));
            assertThat(s.session.offer(sameIdOtherContent)).isEqualTo(Offer.DUPLICATE);
            assertThat(s.recorder.duplicates).containsExactly(add, sameIdOtherContent);

            s.advance(Duration.ofHours(2));
            assertThat(s.recorder.decisions).singleElement().satisfies(d -> {
                assertThat(d.sendAt()).isEqualTo(T0.plus(min(30)));
                assertThat(d.causedBy()).containsExactly(add.eventId());
                assertThat(cartLines(d)).singleElement().satisfies(line -> assertThat(line)
                        .containsEntry("sku", "A").containsEntry("quantity", 1));
            });
            assertThat(s.recorder.waits).filteredOn(w -> w.kind() == WaitTrace.Kind.RESTARTED).isEmpty();
        }
    }

    @Test
    void aRepeatedSignupIdDoesNotApplyItsProfileEffectsAgain() {
        try (Scenario s = new Scenario()) {
            CustomerEvent signup = s.event("c1", "signup", T0, "email", "first@example.com", "marketingConsent", true);
            s.session.offer(signup);
            CustomerEvent replayed = new CustomerEvent(signup.eventId(), "c1", signup.type(), T0.plus(min(1)),
                    Scenario.props("email", "second@example.com", "marketingConsent", false));
            s.session.advanceTo(T0.plus(min(1)));
            assertThat(s.session.offer(replayed)).isEqualTo(Offer.DUPLICATE);
            assertThat(s.session.profile("c1").marketingConsent()).isTrue();
            assertThat(s.session.profile("c1").email()).isEqualTo("first@example.com");
        }
    }

    @Test
    void anOutOfOrderEventWithinToleranceTriggersOnEventTime() {
        try (Scenario s = new Scenario().customer("c1")) {
            s.advance(min(29));
            // put in the cart 29 minutes ago on a phone that was offline
            assertThat(offerOccurred(s, min(0), "c1", "cart_add", cartLine("A", "10.00"))).isEqualTo(Offer.ACCEPTED);
            s.advance(min(30).minusMillis(1));
            assertThat(s.recorder.decisions).isEmpty();
            s.advance(min(30));
            assertThat(s.recorder.decisions).extracting(EmailDecision::sendAt).containsExactly(T0.plus(min(30)));
            assertThat(s.recorder.late).isEmpty();
        }
    }

    @Test
    void anEventExactlyAtTheToleranceIsAcceptedAndItsOverdueWaitFiresAtOnce() {
        try (Scenario s = new Scenario().customer("c1")) {
            s.advance(Duration.ofHours(2));
            assertThat(offerOccurred(s, min(0), "c1", "cart_add", cartLine("A", "10.00"))).isEqualTo(Offer.ACCEPTED);
            s.advance(Duration.ofHours(2));
            assertThat(s.recorder.decisions).extracting(EmailDecision::sendAt)
                    .containsExactly(T0.plus(Duration.ofHours(2)));
        }
    }

    @Test
    void anEventOlderThanTheToleranceIsLateAndDoesNotTrigger() {
        try (Scenario s = new Scenario().customer("c1")) {
            s.advance(Duration.ofHours(2).plusMillis(1));
            CustomerEvent add = s.event("c1", "cart_add", T0, cartLine("A", "10.00"));
            assertThat(s.session.offer(add)).isEqualTo(Offer.LATE);
            assertThat(s.recorder.late).containsExactly(add);
            s.advance(Duration.ofDays(2));
            assertThat(s.recorder.decisions).isEmpty();
            assertThat(s.recorder.suppressions).isEmpty();
            assertThat(s.recorder.waits).isEmpty();
            assertThat(s.session.pendingWaits()).isZero();
        }
    }

    @Test
    void aCustomToleranceApplies() {
        Scenario s = new Scenario(Scenario.libraryRules(),
                SessionOptions.DEFAULTS.withLatenessTolerance(Duration.ofMinutes(5)), T0).customer("c1");
        try (s) {
            s.advance(min(6));
            assertThat(offerOccurred(s, min(0), "c1", "cart_add", cartLine("A", "10.00"))).isEqualTo(Offer.LATE);
            assertThat(offerOccurred(s, min(2), "c1", "cart_add", cartLine("B", "10.00"))).isEqualTo(Offer.ACCEPTED);
            s.advance(Duration.ofHours(1));
            assertThat(s.recorder.decisions).singleElement()
                    .satisfies(d -> assertThat(d.sendAt()).isEqualTo(T0.plus(min(32))));
        }
    }

    @Test
    void aLateRemovalThatHappenedBeforeALaterAddDoesNotRemoveTheLine() {
        try (Scenario s = new Scenario().customer("c1")) {
            s.at(min(10), "c1", "cart_add", cartLine("A", "10.00"));
            s.advance(min(12));
            assertThat(offerOccurred(s, min(5), "c1", "cart_remove", "sku", "A")).isEqualTo(Offer.ACCEPTED);
            s.advance(Duration.ofHours(2));
            assertThat(s.recorder.decisions).singleElement().satisfies(d -> {
                assertThat(d.sendAt()).isEqualTo(T0.plus(min(40)));
                assertThat(cartLines(d)).extracting(l -> l.get("sku")).containsExactly("A");
            });
        }
    }

    @Test
    void aLateAddThatHappenedBeforeARemovalDoesNotBringTheLineBack() {
        try (Scenario s = new Scenario().customer("c1")) {
            s.at(min(0), "c1", "cart_add", cartLine("A", "10.00"));
            s.at(min(10), "c1", "cart_remove", "sku", "A");
            s.advance(min(12));
            assertThat(offerOccurred(s, min(5), "c1", "cart_add", cartLine("A", "10.00"))).isEqualTo(Offer.ACCEPTED);
            s.advance(Duration.ofHours(2));
            assertThat(s.recorder.decisions).isEmpty();
            assertThat(s.recorder.waits).anyMatch(w -> w.kind() == WaitTrace.Kind.LAPSED);
        }
    }

    @Test
    void aLateAddOfAnotherSkuStillCounts() {
        try (Scenario s = new Scenario().customer("c1")) {
            s.at(min(0), "c1", "cart_add", cartLine("A", "10.00"));
            s.at(min(10), "c1", "cart_remove", "sku", "A");
            s.advance(min(12));
            assertThat(offerOccurred(s, min(5), "c1", "cart_add", cartLine("B", "10.00"))).isEqualTo(Offer.ACCEPTED);
            s.advance(Duration.ofHours(2));
            assertThat(s.recorder.decisions).singleElement().satisfies(d -> {
                assertThat(d.sendAt()).isEqualTo(T0.plus(min(40)));
                assertThat(cartLines(d)).extracting(l -> l.get("sku")).containsExactly("B");
            });
        }
    }

    @Test
    void aLatePurchaseFromBeforeTheCartWasOpenedNeitherClosesNorCancels() {
        try (Scenario s = new Scenario().customer("c1")) {
            s.at(min(10), "c1", "cart_add", cartLine("A", "10.00"));
            s.advance(min(12));
            assertThat(offerOccurred(s, min(5), "c1", "purchase", purchase("o1", "Z"))).isEqualTo(Offer.ACCEPTED);
            s.advance(Duration.ofHours(2));
            assertThat(s.recorder.decisionsFor("cart-abandonment")).singleElement().satisfies(d -> {
                assertThat(d.sendAt()).isEqualTo(T0.plus(min(40)));
                assertThat(cartLines(d)).extracting(l -> l.get("sku")).containsExactly("A");
            });
            assertThat(s.recorder.waits).noneMatch(w -> w.kind() == WaitTrace.Kind.CANCELLED);
        }
    }

    @Test
    void aFutureEventIsClampedToTheClock() {
        try (Scenario s = new Scenario().customer("c1")) {
            assertThat(offerOccurred(s, Duration.ofDays(1), "c1", "cart_add", cartLine("A", "10.00")))
                    .isEqualTo(Offer.ACCEPTED);
            assertThat(s.session.now()).isEqualTo(T0);
            s.advance(Duration.ofDays(2));
            assertThat(s.recorder.decisions).extracting(EmailDecision::sendAt).containsExactly(T0.plus(min(30)));
        }
    }

    @Test
    void aClockJumpOfDaysFiresEveryWaitAtItsOwnTime() {
        try (Scenario s = new Scenario().customer("c1").customer("c2").customer("c3")) {
            s.session.putProfile(new CustomerProfile("c4", "c4@example.com", "America/New_York", "en", true,
                    Map.of(), Map.of()));
            s.at(min(0), "c2", "purchase", purchase("o1", "A"));       // post-purchase due in 3 days
            s.at(min(2), "c4", "cart_add", cartLine("A", "10.00"));    // due 06:32 in New York: quiet until 12:00Z
            s.at(min(5), "c3", "cart_add", cartLine("A", "10.00"));    // due at 35m
            s.at(min(10), "c1", "cart_add", cartLine("A", "10.00"));   // due at 40m
            s.session.advanceTo(T0.plus(Duration.ofDays(10)));

            assertThat(s.recorder.decisions).extracting(EmailDecision::customerId, EmailDecision::sendAt)
                    .containsExactly(
                            tuple("c3", T0.plus(min(35))),
                            tuple("c1", T0.plus(min(40))),
                            tuple("c4", Instant.parse("2026-03-10T12:00:00Z")),
                            tuple("c2", T0.plus(Duration.ofDays(3))));
            assertThat(s.session.now()).isEqualTo(T0.plus(Duration.ofDays(10)));
        }
    }

    @Test
    void advancingToThePastChangesNothing() {
        try (Scenario s = new Scenario().customer("c1")) {
            s.at(min(10), "c1", "cart_add", cartLine("A", "10.00"));
            s.session.advanceTo(T0);
            assertThat(s.session.now()).isEqualTo(T0.plus(min(10)));
            assertThat(s.recorder.decisions).isEmpty();
        }
    }
}
