package dev.triggerforge.console.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triggerforge.console.connection.ServerClient;
import dev.triggerforge.model.experiment.ExperimentSettings;

import java.util.ArrayList;
import java.util.List;

/** One experiment of the server's list, as much of it as the Experiments screen shows and acts on. */
record ExperimentRow(String experimentId, String ruleId, String status, String startedAt,
                     ExperimentSettings settings, boolean autoPromote, List<String> sendingVariants) {

    static ExperimentRow of(JsonNode node, ServerClient client) {
        List<String> sending = new ArrayList<>();
        node.path("variants").forEach(v -> {
            if (!v.path("holdout").asBoolean()) {
                sending.add(v.path("id").asText());
            }
        });
        ExperimentSettings settings = node.hasNonNull("settings")
                ? client.read(node.get("settings"), ExperimentSettings.class) : ExperimentSettings.DEFAULTS;
        return new ExperimentRow(node.path("experimentId").asText(), node.path("ruleId").asText(),
                node.path("status").asText(), node.path("startedAt").asText(""), settings,
                node.path("autoPromote").asBoolean(), List.copyOf(sending));
    }

    @Override
    public String toString() {
        return experimentId + "  (" + status + ")";
    }
}
