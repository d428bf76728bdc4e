package dev.triggerforge.rules.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triggerforge.model.experiment.ExperimentSettings;
import dev.triggerforge.model.experiment.Metric;
import dev.triggerforge.model.json.Json;
import dev.triggerforge.model.report.Comparison;
import dev.triggerforge.model.report.ExperimentResult;
import dev.triggerforge.model.report.Mean;
import dev.triggerforge.model.report.Recommendation;
import dev.triggerforge.model.report.RuleKpi;
import dev.triggerforge.model.report.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The experiment records in their JSON wire form: round trips, lower-case names, and settings defaults. */
class ExperimentJsonTest {

    private static final ObjectMapper MAPPER = Json.mapper();

    private static <T> T roundTrip(T value, Class<T> type) throws Exception {
        return MAPPER.readValue(MAPPER.writeValueAsString(value), type);
    }

    @Test
    void anAnalyzedExperimentSurvivesTheRoundTrip() throws Exception {
        ExperimentResult result = ExperimentOutcomesTest.analyzed();

        assertThat(roundTrip(result, ExperimentResult.class)).isEqualTo(result);
        JsonNode json = MAPPER.valueToTree(result);
        assertThat(json.get("primaryMetric").asText()).isEqualTo("conversion");
        assertThat(json.get("recommendation").get("verdict").asText()).isEqualTo("not_yet");
        assertThat(json.get("variants").get(0).get("vsControl").get("metric").asText()).isEqualTo("conversion");
        assertThat(json.get("variants").get(2).has("deliveryRate")).as("null for the holdout, left out").isFalse();
    }

    @Test
    void theSmallRecordsSurviveTheRoundTrip() throws Exception {
        Comparison comparison = new Comparison("h", Metric.CLICK, 0.02, 0.01, 0.03, 0.4, 0.001, 0.01, 0.998, true);
        Recommendation recommendation = new Recommendation(Verdict.KEEP_CONTROL, "a", "Control 'a' is better.");
        RuleKpi kpi = new RuleKpi("cart", 3, 3, 2, 1, 2, 20.0, Proportions.wilson(3, 3, 0.95),
                Proportions.wilson(2, 3, 0.95), Proportions.wilson(1, 3, 0.95), Proportions.wilson(2, 3, 0.95),
                20.0 / 3);

        assertThat(roundTrip(comparison, Comparison.class)).isEqualTo(comparison);
        assertThat(roundTrip(recommendation, Recommendation.class)).isEqualTo(recommendation);
        assertThat(roundTrip(new Mean(25, 0, 74, 0.95), Mean.class)).isEqualTo(new Mean(25, 0, 74, 0.95));
        assertThat(roundTrip(kpi, RuleKpi.class)).isEqualTo(kpi);
        assertThat(MAPPER.writeValueAsString(Verdict.NO_DIFFERENCE)).isEqualTo("\"no_difference\"");
        assertThat(MAPPER.readValue("\"keep_control\"", Verdict.class)).isEqualTo(Verdict.KEEP_CONTROL);
        assertThat(MAPPER.readValue("\"open\"", Metric.class)).isEqualTo(Metric.OPEN);
    }

    @Test
    void settingsRoundTripAndMissingValuesTakeTheDefaults() throws Exception {
        ExperimentSettings custom = new ExperimentSettings(Duration.ofDays(3), 0.9, Metric.CLICK, 500, 0.01);

        assertThat(roundTrip(custom, ExperimentSettings.class)).isEqualTo(custom);
        assertThat(roundTrip(ExperimentSettings.DEFAULTS, ExperimentSettings.class))
                .isEqualTo(ExperimentSettings.DEFAULTS);
        assertThat(MAPPER.readValue("{}", ExperimentSettings.class)).isEqualTo(ExperimentSettings.DEFAULTS);
        assertThat(MAPPER.readValue("{\"primaryMetric\": \"click\", \"minimumSample\": 200}",
                ExperimentSettings.class))
                .isEqualTo(new ExperimentSettings(Duration.ofDays(7), 0.95, Metric.CLICK, 200, 0.005));
        assertThat(MAPPER.writeValueAsString(ExperimentSettings.DEFAULTS)).isEqualTo("{\"attributionWindow\":"
                + "\"PT168H\",\"confidence\":0.95,\"primaryMetric\":\"conversion\",\"minimumSample\":1000,"
                + "\"equivalenceMargin\":0.005}");
    }

    @Test
    void defaultsAreTheDocumentedOnesAndNullsTakeThem() {
        assertThat(ExperimentSettings.DEFAULTS).isEqualTo(
                new ExperimentSettings(Duration.ofDays(7), 0.95, Metric.CONVERSION, 1000, 0.005));
        assertThat(new ExperimentSettings(null, 0.95, null, 1000, 0.005)).isEqualTo(ExperimentSettings.DEFAULTS);
        assertThat(ExperimentSettings.of(null, null, null, null, null)).isEqualTo(ExperimentSettings.DEFAULTS);
    }

    @Test
    void invalidSettingsAreRejectedWithTheReason() {
        assertThatThrownBy(() -> new ExperimentSettings(Duration.ofDays(-1), 0.95, null, 1000, 0.005))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attributionWindow");
        for (double confidence : new double[]{0, 1, -0.5, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> new ExperimentSettings(null, confidence, null, 1000, 0.005))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("confidence");
        }
        assertThatThrownBy(() -> new ExperimentSettings(null, 0.95, null, 0, 0.005))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minimumSample");
        assertThatThrownBy(() -> new ExperimentSettings(null, 0.95, null, 1000, -0.001))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("equivalenceMargin");
        assertThatThrownBy(() -> MAPPER.readValue("{\"confidence\": 2}", ExperimentSettings.class))
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }
}
