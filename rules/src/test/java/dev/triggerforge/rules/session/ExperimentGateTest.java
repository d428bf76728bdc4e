package dev.triggerforge.rules.session;

import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.model.trigger.TriggerSpec;
import dev.triggerforge.model.trigger.Variant;
import dev.triggerforge.rules.compile.CompiledRuleSet;
import dev.triggerforge.rules.experiment.ExperimentGate;
import dev.triggerforge.rules.library.TriggerLibrary;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.triggerforge.rules.session.Scenario.cartLine;
import static org.assertj.core.api.Assertions.assertThat;

class ExperimentGateTest {

    private static final Variant SUBJECT = new Variant("subject", 50, false, null, null,
            Map.of("subjectLine", "Still thinking it over?"));
    private static final Variant DISCOUNT = new Variant("discount", 50, false, "cart-abandonment",
            Duration.ofMinutes(10), Map.of("discount", 10));

    private static CompiledRuleSet rules(String experiment) {
        TriggerSpec cart = TriggerLibrary.spec("cart-abandonment");
        TriggerSpec tested = cart.withExperiment(List.of(SUBJECT, DISCOUNT), experiment,
                Map.of("subjectLine", "You left something behind", "discount", 0), cart.templateId(),
                cart.waitDuration());
        List<TriggerSpec> specs = TriggerLibrary.specs().stream()
                .map(s -> s.id().equals(cart.id()) ? tested : s).toList();
        return Scenario.compile(new RuleSet("v-test", List.of(), specs, TriggerLibrary.ruleSet().guardrails()));
    }

    private static List<EmailDecision> cartSends(CompiledRuleSet rules, ExperimentGate gate) {
        try (Scenario s = new Scenario(rules, SessionOptions.DEFAULTS, Scenario.T0, gate)) {
            for (int i = 0; i < 60; i++) {
                s.customer("c" + i);
            }
            for (int i = 0; i < 60; i++) {
                s.at(Duration.ofSeconds(i), "c" + i, "cart_add", cartLine("A", "10.00"));
            }
            s.advance(Duration.ofHours(2));
            return s.recorder.decisionsFor("cart-abandonment");
        }
    }

    @Test
    void aRunningExperimentSendsEachVariantWithItsOwnParametersAndWait() {
        List<EmailDecision> sends = cartSends(rules("cart-nov"), ExperimentGate.ALL_RUNNING);

        assertThat(sends).hasSize(60);
        Map<String, List<EmailDecision>> byVariant = sends.stream()
                .collect(Collectors.groupingBy(EmailDecision::variant));
        assertThat(byVariant).containsOnlyKeys("subject", "discount");
        assertThat(byVariant.get("subject")).allSatisfy(d -> {
            assertThat(d.variables()).containsEntry("subjectLine", "Still thinking it over?")
                    .containsEntry("discount", 0);
            assertThat(Duration.between(Scenario.T0, d.sendAt())).isBetween(Duration.ofMinutes(30),
                    Duration.ofMinutes(31));
        });
        assertThat(byVariant.get("discount")).allSatisfy(d -> {
            assertThat(d.variables()).containsEntry("discount", 10)
                    .containsEntry("subjectLine", "You left something behind");
            assertThat(Duration.between(Scenario.T0, d.sendAt())).isBetween(Duration.ofMinutes(10),
                    Duration.ofMinutes(11));
        });
    }

    @Test
    void aHaltedExperimentFallsBackToTheTriggersOwnTemplateWaitAndParameters() {
        List<EmailDecision> sends = cartSends(rules("cart-nov"), id -> !id.equals("cart-nov"));

        assertThat(sends).hasSize(60).allSatisfy(d -> {
            assertThat(d.variant()).isNull();
            assertThat(d.variables()).containsEntry("subjectLine", "You left something behind")
                    .containsEntry("discount", 0);
            assertThat(Duration.between(Scenario.T0, d.sendAt())).isBetween(Duration.ofMinutes(30),
                    Duration.ofMinutes(31));
        });
    }

    @Test
    void theExperimentIdSaltsTheAssignmentSoANewExperimentReshufflesCustomers() {
        Map<String, String> first = variants(cartSends(rules("cart-nov"), ExperimentGate.ALL_RUNNING));
        Map<String, String> again = variants(cartSends(rules("cart-nov"), ExperimentGate.ALL_RUNNING));
        Map<String, String> next = variants(cartSends(rules("cart-dec"), ExperimentGate.ALL_RUNNING));

        assertThat(again).isEqualTo(first);
        long moved = first.keySet().stream().filter(c -> !first.get(c).equals(next.get(c))).count();
        assertThat(moved).isBetween(15L, 45L);
    }

    private static Map<String, String> variants(List<EmailDecision> sends) {
        return sends.stream().collect(Collectors.toMap(EmailDecision::customerId, EmailDecision::variant));
    }
}
