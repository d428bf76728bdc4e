package dev.triggerforge.rules.session;

import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.event.EventType;
import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.rules.library.TriggerLibrary;
import dev.triggerforge.rules.simulation.SimulationOptions;
import dev.triggerforge.rules.simulation.SimulationRun;
import dev.triggerforge.rules.simulation.Simulator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.triggerforge.rules.session.Scenario.cartLine;
import static org.assertj.core.api.Assertions.assertThat;

/** A cart started anonymously on one device and a login on another are one customer, and one reminder. */
class IdentityTest {

    private static Duration min(long m) {
        return Duration.ofMinutes(m);
    }

    @Test
    void aCartStartedAnonymouslyIsRemindedToTheCustomerWhoLoggedInOnTime() {
        try (Scenario s = new Scenario().customer("ann")) {
            s.at(min(0), "anon-1", "cart_add", cartLine("A", "10.00"));
            s.at(min(10), "ann", "identify", "anonymousId", "anon-1");
            s.advance(min(31));

            List<EmailDecision> sends = s.recorder.decisionsFor("cart-abandonment");
            assertThat(sends).hasSize(1);
            assertThat(sends.get(0).customerId()).isEqualTo("ann");
            assertThat(sends.get(0).sendAt()).isEqualTo(Scenario.T0.plus(min(30)));
            assertThat(sends.get(0).variables().toString()).contains("sku=A");
        }
    }

    @Test
    void theVisitorsLaterEventsCountAsTheCustomers() {
        try (Scenario s = new Scenario().customer("ann")) {
            s.at(min(0), "anon-1", "cart_add", cartLine("A", "10.00"));
            s.at(min(10), "ann", "identify", "anonymousId", "anon-1");
            s.at(min(20), "anon-1", "cart_add", cartLine("B", "5.00"));
            s.advance(min(49));
            assertThat(s.recorder.decisionsFor("cart-abandonment")).isEmpty();
            s.advance(min(51));

            List<EmailDecision> sends = s.recorder.decisionsFor("cart-abandonment");
            assertThat(sends).hasSize(1);
            assertThat(sends.get(0).customerId()).isEqualTo("ann");
            assertThat(sends.get(0).variables().toString()).contains("sku=A").contains("sku=B");
        }
    }

    @Test
    void withoutTheIdentifyTheVisitorGetsNothingSinceNobodyCanBeWrittenTo() {
        try (Scenario s = new Scenario().customer("ann")) {
            s.at(min(0), "anon-1", "cart_add", cartLine("A", "10.00"));
            s.advance(min(31));
            assertThat(s.recorder.decisionsFor("cart-abandonment")).isEmpty();
        }
    }

    @Test
    void aHandoverBetweenTwoSessionsKeepsTheWaitAndItsDueTime() {
        try (Scenario visitorSide = new Scenario(); Scenario customerSide = new Scenario().customer("ann")) {
            visitorSide.at(min(0), "anon-1", "cart_add", cartLine("A", "10.00"));
            visitorSide.advance(min(10));
            customerSide.advance(min(10));
            customerSide.session.adopt(visitorSide.session.release("anon-1"));
            customerSide.at(min(10), "ann", "identify", "anonymousId", "anon-1");
            visitorSide.advance(min(31));
            customerSide.advance(min(31));

            assertThat(visitorSide.recorder.decisions).isEmpty();
            assertThat(visitorSide.session.pendingWaits()).isZero();
            assertThat(customerSide.recorder.decisionsFor("cart-abandonment")).singleElement()
                    .satisfies(d -> assertThat(d.sendAt()).isEqualTo(Scenario.T0.plus(min(30))));
        }
    }

    @Test
    void theSimulatorGivesTheSameDecisionsWhateverPartitionsTheTwoIdsFallIn() throws Exception {
        String visitor = "anon-1";
        String customer = otherPartitionThan(visitor);
        List<CustomerEvent> events = List.of(
                CustomerEvent.of("e-cart", visitor, EventType.CART_ADD, Scenario.T0,
                        Scenario.props(cartLine("A", "10.00"))),
                CustomerEvent.of("e-identify", customer, EventType.IDENTIFY, Scenario.T0.plus(min(10)),
                        Map.of("anonymousId", visitor)));
        List<CustomerProfile> profiles = List.of(new CustomerProfile(customer, customer + "@example.com", "UTC", "en",
                true, Map.of(), Map.of()));

        SimulationRun one = simulate(events, profiles, 1);
        SimulationRun two = simulate(events, profiles, 2);

        assertThat(one.decisions()).hasSize(1).isEqualTo(two.decisions());
        assertThat(one.decisions().get(0).customerId()).isEqualTo(customer);
    }

    private static SimulationRun simulate(List<CustomerEvent> events, List<CustomerProfile> profiles, int partitions)
            throws InterruptedException {
        return new Simulator(Scenario.compile(TriggerLibrary.ruleSet()), SimulationOptions.defaults()
                .withPartitions(partitions).withUntil(Scenario.T0.plus(Duration.ofHours(2)))).run(events, profiles);
    }

    private static String otherPartitionThan(String id) {
        for (int i = 0; ; i++) {
            String candidate = "customer-" + i;
            if (Partitioning.partitionOf(candidate, 2) != Partitioning.partitionOf(id, 2)) {
                return candidate;
            }
        }
    }
}
