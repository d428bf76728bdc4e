package dev.triggerforge.rules.library;

import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.rules.session.Scenario;
import dev.triggerforge.rules.session.WaitTrace;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.triggerforge.rules.session.Scenario.T0;
import static dev.triggerforge.rules.session.Scenario.cartLine;
import static dev.triggerforge.rules.session.Scenario.purchase;
import static org.assertj.core.api.Assertions.assertThat;

class CartAbandonmentTest {

    private static Duration min(long m) {
        return Duration.ofMinutes(m);
    }

    @Test
    void sendsThirtyMinutesAfterTheLastCartActivityWithLinesAndTotal() {
        try (Scenario s = new Scenario().customer("c1")) {
            s.at(min(0), "c1", "cart_add", cartLine("A", "19.90"));
            s.at(min(5), "c1", "cart_add", cartLine("B", "5.00"));
            s.advance(min(34).plusSeconds(59));
            assertThat(s.recorder.decisions).isEmpty();

            s.advance(min(35));
            assertThat(s.recorder.decisions).hasSize(1);
            EmailDecision d = s.recorder.decisions.get(0);
            assertThat(d.ruleId()).isEqualTo("cart-abandonment");
            assertThat(d.sendAt()).isEqualTo(T0.plus(min(35)));
            assertThat(d.templateId()).isEqualTo("cart-abandonment");
            assertThat(d.idempotencyKey()).isEqualTo("cart-abandonment|c1|cart:e1");
            assertThat(d.causedBy()).containsExactly("e1", "e2");
            @SuppressWarnings("unchecked")
            Map<String, Object> cart = (Map<String, Object>) d.variables().get("cart");
            assertThat((List<?>) cart.get("lines")).hasSize(2);
            assertThat(cart.get("total").toString()).isEqualTo("24.90");
            @SuppressWarnings("unchecked")
            Map<String, Object> customer = (Map<String, Object>) d.variables().get("customer");
            assertThat(customer).containsEntry("email", "c1@example.com").containsEntry("firstName", "Ann");
        }
    }

    @Test
    void purchaseAtTenMinutesCancels() {
        try (Scenario s = new Scenario().customer("c1")) {
            s.at(min(0), "c1", "cart_add", cartLine("A", "10.00"));
            s.at(min(10), "c1", "purchase", purchase("o1", "A"));
            s.advance(Duration.ofHours(2));
            assertThat(s.recorder.decisionsFor("cart-abandonment")).isEmpty();
            assertThat(s.recorder.waits).anyMatch(w -> w.kind() == WaitTrace.Kind.CANCELLED
                    && w.ruleId().equals("cart-abandonment"));
        }
    }

    @Test
    void cartActivityAtTwentyMinutesRestartsTheWait() {
        try (Scenario s = new Scenario().customer("c1")) {
            s.at(min(0), "c1", "cart_add", cartLine("A", "10.00"));
            s.at(min(20), "c1", "cart_add", cartLine("B", "10.00"));
            s.advance(min(49));
            assertThat(s.recorder.decisions).isEmpty();
            s.advance(min(50));
            assertThat(s.recorder.decisions).extracting(EmailDecision::sendAt).containsExactly(T0.plus(min(50)));
        }
    }

    @Test
    void cartEmptiedByRemovalSendsNothing() {
        try (Scenario s = new Scenario().customer("c1")) {
            s.at(min(0), "c1", "cart_add", cartLine("A", "10.00"));
            s.at(min(3), "c1", "cart_remove", "sku", "A");
            s.advance(Duration.ofHours(2));
            assertThat(s.recorder.decisions).isEmpty();
            assertThat(s.recorder.waits).anyMatch(w -> w.kind() == WaitTrace.Kind.LAPSED);
        }
    }

    @Test
    void oneSendPerCartAndANewCartAfterPurchase() {
        try (Scenario s = new Scenario().customer("c1")) {
            s.at(min(0), "c1", "cart_add", cartLine("A", "10.00"));
            s.advance(min(31));
            s.at(min(40), "c1", "cart_add", cartLine("B", "10.00"));
            s.advance(min(80));
            assertThat(s.recorder.decisionsFor("cart-abandonment")).hasSize(1);

            s.at(min(90), "c1", "purchase", purchase("o1", "A", "B"));
            s.at(Duration.ofHours(30), "c1", "cart_add", cartLine("C", "10.00"));
            s.advance(Duration.ofHours(31));
            assertThat(s.recorder.decisionsFor("cart-abandonment")).extracting(EmailDecision::idempotencyKey)
                    .containsExactly("cart-abandonment|c1|cart:e1", "cart-abandonment|c1|cart:e4");
        }
    }
}
