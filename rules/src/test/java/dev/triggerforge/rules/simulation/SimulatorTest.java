package dev.triggerforge.rules.simulation;

import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.decision.SuppressionReason;
import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.event.EventType;
import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.rules.compile.CompiledRuleSet;
import dev.triggerforge.rules.session.Scenario;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator runs the production engine over event time, the same way whatever the partition count. */
class SimulatorTest {

    private static final Instant T0 = Instant.parse("2026-03-10T09:00:00Z");
    private static final CompiledRuleSet LIBRARY = Scenario.libraryRules();

    /** A deterministic little shop: carts bought or abandoned, triple product views, sign-ups. */
    private static List<CustomerEvent> shop(int customers) {
        List<CustomerEvent> events = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            String id = "c" + c;
            Instant at = T0.plus(Duration.ofMinutes(7L * c));
            if (c % 3 == 0) {
                events.add(event(id + "-s", id, "signup", at, Map.of("email", id + "@example.com")));
            }
            for (int v = 0; v < 3; v++) {
                events.add(event(id + "-v" + v, id, "product_view", at.plus(Duration.ofMinutes(v)),
                        Map.of("sku", "P" + c % 7, "name", "Product", "url", "https://shop.example/p")));
            }
            events.add(event(id + "-a", id, "cart_add", at.plus(Duration.ofMinutes(5)),
                    Map.of("sku", "C" + c % 5, "price", new BigDecimal("12.50"), "quantity", 1L)));
            if (c % 2 == 0) {
                events.add(event(id + "-p", id, "purchase", at.plus(Duration.ofMinutes(15)), Map.of("orderId", id + "-o",
                        "lines", List.of(Map.of("sku", "C" + c % 5, "quantity", 1L)), "total", new BigDecimal("12.50"),
                        "currency", "EUR")));
            }
        }
        return events;
    }

    private static List<CustomerProfile> profiles(int customers) {
        List<CustomerProfile> profiles = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            profiles.add(new CustomerProfile("c" + c, "c" + c + "@example.com", c % 2 == 0 ? "Europe/Berlin" : "UTC",
                    "en", c % 10 != 9, Map.of(), Map.of()));
        }
        return profiles;
    }

    private static CustomerEvent event(String id, String customer, String type, Instant at, Map<String, Object> p) {
        return new CustomerEvent(id, customer, EventType.of(type), at, p);
    }

    private static SimulationRun run(SimulationOptions options, List<CustomerEvent> events) throws InterruptedException {
        return new Simulator(LIBRARY, options).run(events, profiles(120));
    }

    @Test
    void theOutcomeDoesNotDependOnThePartitionCount() throws InterruptedException {
        List<CustomerEvent> events = shop(120);
        SimulationRun one = run(SimulationOptions.defaults().withPartitions(1), events);
        SimulationRun three = run(SimulationOptions.defaults().withPartitions(3), events);
        assertThat(one.decisions()).isNotEmpty();
        assertThat(one.suppressions()).extracting(s -> s.reason()).contains(SuppressionReason.NO_CONSENT);
        assertThat(three.decisions()).isEqualTo(one.decisions());
        assertThat(three.suppressions()).isEqualTo(one.suppressions());
        assertThat(one.decisions()).extracting(EmailDecision::ruleId)
                .contains("cart-abandonment", "browse-abandonment", "post-purchase", "welcome");
    }

    @Test
    void byDefaultTheRunGoesOnUntilEveryWaitResolves() throws InterruptedException {
        List<CustomerEvent> purchase = shop(1).stream().filter(e -> e.type().name().equals("purchase")).toList();
        SimulationRun run = run(SimulationOptions.defaults(), purchase);
        Instant last = purchase.get(0).occurredAt();
        assertThat(run.until()).isEqualTo(last.plus(Duration.ofDays(3)).plus(Duration.ofHours(11)));
        assertThat(run.decisions()).extracting(EmailDecision::ruleId).containsExactly("post-purchase");
    }

    @Test
    void untilEndsTheRunEarly() throws InterruptedException {
        List<CustomerEvent> purchase = shop(1).stream().filter(e -> e.type().name().equals("purchase")).toList();
        Instant until = purchase.get(0).occurredAt().plus(Duration.ofDays(2));
        SimulationRun run = run(SimulationOptions.defaults().withUntil(until), purchase);
        assertThat(run.until()).isEqualTo(until);
        assertThat(run.decisions()).isEmpty();
    }

    @Test
    void answersToASendAreOfferedAtTheirOwnTime() throws InterruptedException {
        ResponseModel unsubscribeAtOnce = d -> List.of(event("r-" + d.idempotencyKey(), d.customerId(),
                "email_unsubscribe", d.sendAt().plusSeconds(60), Map.of("sendId", d.idempotencyKey())));
        List<CustomerEvent> events = shop(1);
        SimulationRun run = new Simulator(LIBRARY, SimulationOptions.defaults().withResponses(unsubscribeAtOnce))
                .run(events, profiles(1));
        assertThat(run.decisions()).extracting(EmailDecision::ruleId).containsExactly("welcome");
        assertThat(run.responses()).singleElement().satisfies(r -> assertThat(r.type().name()).isEqualTo("email_unsubscribe"));
        assertThat(run.late()).isZero();
        assertThat(run.suppressions()).extracting(s -> s.reason()).containsOnly(SuppressionReason.NO_CONSENT);
    }

    @Test
    void aRequestedTimelineTellsTheCustomersStoryInOrder() throws InterruptedException {
        SimulationRun run = run(SimulationOptions.defaults().withTimelines(Set.of("c1")), shop(2));
        assertThat(run.timelines()).containsOnlyKeys("c1");
        var story = run.timelines().get("c1");
        assertThat(story).extracting(e -> e.kind() + ":" + e.what()).containsSubsequence(
                "event:product_view", "wait:started", "event:cart_add", "wait:started", "send:cart-abandonment");
        assertThat(story).isSortedAccordingTo((a, b) -> a.at().compareTo(b.at()));
    }
}
