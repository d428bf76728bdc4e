package dev.triggerforge.rules.simulation;

import dev.triggerforge.model.json.Json;
import dev.triggerforge.model.report.ExperimentResult;
import dev.triggerforge.model.report.SimulationReport;
import dev.triggerforge.model.report.VariantResult;
import dev.triggerforge.model.ruleset.GuardrailSettings;
import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.model.trigger.TriggerSpec;
import dev.triggerforge.rules.compile.CompiledRuleSet;
import dev.triggerforge.rules.session.Scenario;
import dev.triggerforge.rules.synthetic.EngagementModel;
import dev.triggerforge.rules.synthetic.EngagementRates;
import dev.triggerforge.rules.synthetic.SyntheticConfig;
import dev.triggerforge.rules.synthetic.SyntheticTraffic;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An A/B test with a holdout, run through the whole simulator on synthetic customers who answer the emails. */
class SimulationExperimentTest {

    @Test
    void theBetterVariantWinsAndTheHoldoutGetsNothing() throws Exception {
        TriggerSpec welcome = Json.mapper().readValue("""
                {"id": "welcome", "priority": 10, "subject": "customer", "entry": {"eventType": "signup"},
                 "templateId": "welcome", "requires": ["customer.email"],
                 "variants": [{"id": "a", "weight": 45}, {"id": "b", "weight": 45},
                              {"id": "holdout", "weight": 10, "holdout": true}]}""", TriggerSpec.class);
        CompiledRuleSet rules = Scenario.compile(new RuleSet("ab", List.of(), List.of(welcome),
                GuardrailSettings.DEFAULTS));
        SyntheticTraffic traffic = SyntheticTraffic.generate(SyntheticConfig.of(15000, 3, 11));
        EngagementModel answers = new EngagementModel(5, new EngagementRates(0.4, 0.25, 0.3, 0.0),
                Map.of("b", 3.0));
        SimulationOptions options = SimulationOptions.defaults().withResponses(answers);
        SimulationRun run = new Simulator(rules, options).run(traffic.events(), traffic.profiles());
        SimulationReport report = SimulationReports.report(rules, run, traffic.events(), List.of(), options);

        ExperimentResult experiment = report.experiments().get(0);
        assertThat(experiment.experimentId()).isEqualTo("welcome");
        assertThat(experiment.variants()).extracting(VariantResult::variant).containsExactly("a", "b", "holdout");
        VariantResult a = experiment.variants().get(0);
        VariantResult b = experiment.variants().get(1);
        VariantResult holdout = experiment.variants().get(2);
        assertThat(a.sends()).isGreaterThan(300);
        assertThat(holdout.holdout()).isTrue();
        assertThat(holdout.sends()).isPositive();
        assertThat(holdout.opens()).isZero();
        assertThat(report.sends()).noneMatch(s -> "holdout".equals(s.variant()));
        assertThat(b.clickRate().value()).isGreaterThan(2 * a.clickRate().value());
        assertThat(b.clickRate().low()).isGreaterThan(a.clickRate().high());
        assertThat(b.vsControl().against()).isEqualTo("holdout");
        assertThat(a.openRate().value()).isBetween(0.3, 0.5);
        assertThat(a.delivered()).as("every send's synthetic delivery is attributed").isEqualTo(a.sends());
        assertThat(holdout.deliveryRate()).isNull();
        assertThat(b.revenue()).isPositive();
        assertThat(b.timeToClick().count()).isEqualTo(b.clicks());
        assertThat(experiment.ruleId()).isEqualTo("welcome");
        assertThat(experiment.recommendation()).isNotNull();
    }
}
