package dev.triggerforge.rules.session;

import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.model.trigger.TriggerSpec;
import dev.triggerforge.rules.compile.CompiledRuleSet;
import dev.triggerforge.rules.library.TriggerLibrary;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static dev.triggerforge.rules.session.Scenario.cartLine;
import static org.assertj.core.api.Assertions.assertThat;

class HotSwapTest {

    private static Duration min(long m) {
        return Duration.ofMinutes(m);
    }

    private static CompiledRuleSet library(Duration cartWait, boolean withCart, boolean withBrowse) {
        TriggerSpec cart = TriggerLibrary.spec("cart-abandonment");
        TriggerSpec changed = new TriggerSpec(cart.id(), cart.name(), cart.description(), cart.priority(),
                cart.subject(), cart.entry(), cart.repeat(), cartWait, cart.restartOn(), cart.cancelOn(),
                cart.oncePer(), cart.templateId(), cart.requires(), cart.variants(), cart.guardrails());
        List<TriggerSpec> specs = TriggerLibrary.specs().stream()
                .filter(s -> withBrowse || !s.id().equals("browse-abandonment"))
                .filter(s -> !s.id().equals("cart-abandonment")).collect(Collectors.toList());
        if (withCart) {
            specs.add(changed);
        }
        return Scenario.compile(new RuleSet("v-next", List.of(), specs, TriggerLibrary.ruleSet().guardrails()));
    }

    @Test
    void aWaitInFlightKeepsItsDueTimeUnderAChangedSpec() {
        try (Scenario s = new Scenario().customer("c1")) {
            s.at(min(0), "c1", "cart_add", cartLine("A", "10.00"));
            int cancelled = s.session.swapRules(library(min(60), true, true), false);
            s.advance(min(31));

            assertThat(cancelled).isZero();
            assertThat(s.recorder.decisionsFor("cart-abandonment")).hasSize(1);
            assertThat(s.recorder.decisionsFor("cart-abandonment").get(0).sendAt())
                    .isEqualTo(Scenario.T0.plus(min(30)));
        }
    }

    @Test
    void theCancelChangedPolicyCancelsWaitsOfChangedTriggers() {
        try (Scenario s = new Scenario().customer("c1")) {
            s.at(min(0), "c1", "cart_add", cartLine("A", "10.00"));
            int cancelled = s.session.swapRules(library(min(60), true, true), true);
            s.advance(min(90));

            assertThat(cancelled).isEqualTo(1);
            assertThat(s.recorder.decisionsFor("cart-abandonment")).isEmpty();
            assertThat(s.session.pendingWaits()).isZero();
        }
    }

    @Test
    void waitsOfARemovedTriggerAreCancelledAndNewEventsFollowTheNewVersion() {
        try (Scenario s = new Scenario().customer("c1").customer("c2")) {
            s.at(min(0), "c1", "cart_add", cartLine("A", "10.00"));
            int cancelled = s.session.swapRules(library(min(30), false, true), false);
            s.at(min(1), "c2", "cart_add", cartLine("B", "10.00"));
            s.advance(min(120));

            assertThat(cancelled).isEqualTo(1);
            assertThat(s.recorder.decisionsFor("cart-abandonment")).isEmpty();
        }
    }

    @Test
    void anUnchangedTriggerGoesOnAndTheDecisionKeyStaysTheSame() {
        try (Scenario before = new Scenario().customer("c1"); Scenario after = new Scenario().customer("c1")) {
            before.at(min(0), "c1", "cart_add", cartLine("A", "10.00"));
            before.advance(min(31));
            after.at(min(0), "c1", "cart_add", cartLine("A", "10.00"));
            after.session.swapRules(library(min(30), true, false), false);
            after.advance(min(31));

            assertThat(after.recorder.decisions).hasSize(1);
            assertThat(after.recorder.decisions.get(0).idempotencyKey())
                    .isEqualTo(before.recorder.decisions.get(0).idempotencyKey());
            assertThat(after.session.factCount()).isZero();
        }
    }
}
