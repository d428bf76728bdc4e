package dev.triggerforge.rules.synthetic;

import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.event.CartLine;
import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.event.Purchase;
import dev.triggerforge.model.json.EventCodec;
import dev.triggerforge.rules.session.StableHash;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

/** Simulated answers to sends are reproducible per send, well-formed, and respond to variant and timing. */
class EngagementModelTest {

    private static final Instant SEND_AT = Instant.parse("2026-01-06T10:00:00Z");
    private static final EngagementRates EVERYTHING = new EngagementRates(1, 1, 1, 0);

    @Test
    void answersDependOnlyOnSeedAndIdempotencyKey() {
        EngagementModel model = new EngagementModel(11, EngagementRates.DEFAULTS, Map.of());
        List<EmailDecision> decisions = decisions(300, "a", "welcome", Map.of());
        List<List<CustomerEvent>> forward = decisions.stream().map(model::respondTo).toList();
        List<List<CustomerEvent>> backward = new ArrayList<>();
        EngagementModel again = new EngagementModel(11, EngagementRates.DEFAULTS, Map.of());
        for (int i = decisions.size() - 1; i >= 0; i--) {
            backward.add(0, again.respondTo(decisions.get(i)));
        }
        List<List<CustomerEvent>> otherSeed = decisions.stream()
                .map(new EngagementModel(12, EngagementRates.DEFAULTS, Map.of())::respondTo).toList();

        assertThat(backward).isEqualTo(forward);
        assertThat(otherSeed).isNotEqualTo(forward);
        long keyHash = StableHash.of(decisions.get(0).idempotencyKey());
        assertThat(forward.get(0).get(0).eventId()).isEqualTo("r-" + Long.toHexString(keyHash) + "-delivered");
    }

    @Test
    void everyAnswerFollowsTheSendCarriesItsIdsAndRoundTrips() {
        EngagementModel model = new EngagementModel(3, new EngagementRates(0.6, 0.5, 0.5, 0.05), Map.of());
        List<CustomerEvent> all = new ArrayList<>();
        for (EmailDecision d : decisions(2_000, null, "browse-abandonment", Map.of("product", product()))) {
            List<CustomerEvent> answers = model.respondTo(d);
            assertThat(answers.get(0).type().name()).isEqualTo("email_delivered");
            assertThat(answers).allSatisfy(e -> {
                assertThat(e.occurredAt()).isAfterOrEqualTo(d.sendAt());
                assertThat(e.customerId()).isEqualTo(d.customerId());
                assertThat(e.text("sendId")).isEqualTo(d.idempotencyKey());
                assertThat(e.text("ruleId")).isEqualTo(d.ruleId());
                assertThat(e.text("templateId")).isEqualTo(d.templateId());
                assertThat(EventCodec.decode(EventCodec.encode(e))).isEqualTo(e);
            });
            for (int i = 1; i < answers.size(); i++) {
                assertThat(answers.get(i).occurredAt()).isAfter(answers.get(i - 1).occurredAt());
            }
            all.addAll(answers);
        }

        assertThat(all).extracting(e -> e.type().name()).contains("email_delivered", "email_open", "email_click",
                "email_unsubscribe", "purchase");
        assertThat(all.stream().filter(e -> e.type().name().equals("purchase")))
                .allSatisfy(e -> assertThat(e.purchase().lines()).extracting(CartLine::sku)
                        .containsExactly("SKU-0042"));
    }

    @Test
    void aCartEmailIsAnsweredByBuyingTheCart() {
        EngagementModel model = new EngagementModel(1, EVERYTHING, Map.of());
        EmailDecision d = decisions(1, null, "cart-abandonment", Map.of("cart", cart())).get(0);

        List<CustomerEvent> answers = model.respondTo(d);

        assertThat(answers).extracting(e -> e.type().name())
                .containsExactly("email_delivered", "email_open", "email_click", "purchase");
        CustomerEvent purchase = answers.get(3);
        Purchase order = purchase.purchase();
        assertThat(order.lines()).extracting(CartLine::sku, CartLine::quantity)
                .containsExactly(tuple("SKU-0007", 2), tuple("SKU-0100", 1));
        assertThat(order.total()).isEqualTo(new BigDecimal("69.00"));
        assertThat(order.currency()).isEqualTo("EUR");
        assertThat(purchase.text("sendId")).isEqualTo(d.idempotencyKey());
        assertThat(answers.get(2).text("url")).isEqualTo("https://shop.example/p/SKU-0007");
        assertThat(EventCodec.decode(EventCodec.encode(purchase))).isEqualTo(purchase);
    }

    @Test
    void withoutACartOrProductACatalogProductIsBought() {
        EngagementModel model = new EngagementModel(1, EVERYTHING, Map.of());

        CustomerEvent purchase = model.respondTo(decisions(1, null, "welcome", Map.of()).get(0)).get(3);

        assertThat(purchase.purchase().lines()).singleElement().satisfies(line -> {
            assertThat(line.sku()).matches("SKU-\\d{4}");
            assertThat(line.price()).isPositive();
        });
        assertThat(purchase.purchase().total()).isEqualTo(purchase.purchase().lines().get(0).price());
    }

    @Test
    void aVariantLiftOfTwoClearlyRaisesClicksAndPurchases() {
        List<EmailDecision> decisions = decisions(5_000, "b", "cart-abandonment", Map.of("cart", cart()));
        EngagementModel plain = new EngagementModel(5, EngagementRates.DEFAULTS, Map.of("b", 1.0));
        EngagementModel lifted = new EngagementModel(5, EngagementRates.DEFAULTS, Map.of("b", 2.0));

        long plainClicks = count(plain, decisions, "email_click");
        long liftedClicks = count(lifted, decisions, "email_click");

        assertThat(plainClicks).isBetween(250L, 450L);
        assertThat(liftedClicks).isGreaterThan(plainClicks * 3 / 2);
        assertThat(count(lifted, decisions, "purchase")).isGreaterThan(count(plain, decisions, "purchase"));
        assertThat(count(lifted, decisions, "email_open")).isEqualTo(count(plain, decisions, "email_open"));
    }

    @Test
    void aLateSendIsClickedLessThanAPromptOne() {
        Map<String, Instant> times = new HashMap<>();
        List<EmailDecision> prompt = new ArrayList<>();
        List<EmailDecision> late = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            times.put("prompt-" + i, SEND_AT.minus(Duration.ofMinutes(30)));
            times.put("late-" + i, SEND_AT.minus(Duration.ofDays(2)));
            prompt.add(decision("k-" + i, null, "cart-abandonment", Map.of(), List.of("prompt-" + i)));
            late.add(decision("k-" + i, null, "cart-abandonment", Map.of(), List.of("late-" + i)));
        }
        EngagementModel model = new EngagementModel(9, new EngagementRates(1, 0.4, 0.2, 0), Map.of(), times::get);

        assertThat(count(model, late, "email_click")).isLessThan(count(model, prompt, "email_click") * 3 / 4);
    }

    @Test
    void unsubscribingReplacesTheClick() {
        EngagementModel model = new EngagementModel(2, new EngagementRates(1, 1, 1, 1), Map.of());

        assertThat(model.respondTo(decisions(1, null, "welcome", Map.of()).get(0)))
                .extracting(e -> e.type().name())
                .containsExactly("email_delivered", "email_open", "email_unsubscribe");
    }

    @Test
    void badRatesAndLiftsAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new EngagementRates(1.2, 0.1, 0.1, 0))
                .withMessage("open must be between 0 and 1, got 1.2");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new EngagementModel(1, EngagementRates.DEFAULTS, Map.of("b", -1.0)))
                .withMessageContaining("variant 'b'");
    }

    private static long count(EngagementModel model, List<EmailDecision> decisions, String type) {
        return decisions.stream().flatMap(d -> model.respondTo(d).stream())
                .filter(e -> e.type().name().equals(type)).count();
    }

    private static List<EmailDecision> decisions(int n, String variant, String ruleId, Map<String, Object> vars) {
        List<EmailDecision> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(decision(ruleId + "|cust-" + i + "|subject", variant, ruleId, vars, List.of()));
        }
        return out;
    }

    private static EmailDecision decision(String key, String variant, String ruleId, Map<String, Object> vars,
                                          List<String> causedBy) {
        String customer = "cust-" + key.hashCode();
        return new EmailDecision(key, ruleId, customer, ruleId + "-template", variant, SEND_AT, vars, causedBy);
    }

    /** A cart as the personalizer builds it: Integer quantities and line totals. */
    private static Map<String, Object> cart() {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("sku", "SKU-0007");
        first.put("name", "Soft Navy Shirt");
        first.put("price", new BigDecimal("24.50"));
        first.put("quantity", 2);
        first.put("lineTotal", new BigDecimal("49.00"));
        first.put("url", "https://shop.example/p/SKU-0007");
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("sku", "SKU-0100");
        second.put("price", new BigDecimal("20"));
        second.put("quantity", 1);
        Map<String, Object> cart = new LinkedHashMap<>();
        cart.put("id", "s1-c000001-3");
        cart.put("lines", List.of(first, second));
        cart.put("itemCount", 3);
        cart.put("total", new BigDecimal("69.00"));
        return cart;
    }

    private static Map<String, Object> product() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("sku", "SKU-0042");
        p.put("name", "Classic Black Watch");
        p.put("category", "watches");
        p.put("price", new BigDecimal("129.99"));
        p.put("url", "https://shop.example/p/SKU-0042");
        return p;
    }
}
