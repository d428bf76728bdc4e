package dev.triggerforge.rules.session;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.triggerforge.rules.session.Scenario.cartLine;
import static dev.triggerforge.rules.session.Scenario.purchase;
import static org.assertj.core.api.Assertions.assertThat;

/** A session keeps nothing in Drools between events, and forgets a customer once nothing is pending for them. */
class SessionMemoryTest {

    @Test
    void nothingStaysInTheDroolsSessionBetweenEvents() {
        try (Scenario s = new Scenario().customer("c1")) {
            s.at(Duration.ZERO, "c1", "cart_add", cartLine("A", "10.00"));
            s.at(Duration.ofMinutes(1), "c1", "product_view", "sku", "B", "name", "B", "url", "u");
            assertThat(s.session.factCount()).isZero();
            assertThat(s.session.pendingWaits()).isEqualTo(1);
            assertThat(s.session.customersWithState()).isEqualTo(1);
        }
    }

    @Test
    void aCustomerWithNothingPendingIsForgotten() {
        try (Scenario s = new Scenario().customer("c1")) {
            s.at(Duration.ZERO, "c1", "cart_add", cartLine("A", "10.00"));
            s.at(Duration.ofMinutes(10), "c1", "purchase", purchase("o1", "A"));
            assertThat(s.session.customersWithState()).isEqualTo(1);
            s.advance(Duration.ofDays(4));
            assertThat(s.recorder.decisionsFor("post-purchase")).hasSize(1);
            assertThat(s.session.pendingWaits()).isZero();
            assertThat(s.session.customersWithState()).isZero();
        }
    }
}
