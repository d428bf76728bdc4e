package dev.triggerforge.console.library;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triggerforge.console.connection.ServerClient;
import dev.triggerforge.model.report.WhatIfReport;
import dev.triggerforge.model.ruleset.DrlSource;
import dev.triggerforge.model.ruleset.GuardrailSettings;
import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.model.trigger.TriggerSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The server's rule-set endpoints ({@code /api/rulesets}) in the console's terms; every call blocks. */
final class RuleSetApi {

    /** What activation does with waits in flight whose trigger changed, as the server names the choices. */
    static final List<String> IN_FLIGHT = List.of("continue", "cancel-changed");

    private final ServerClient client;

    RuleSetApi(ServerClient client) {
        this.client = client;
    }

    /** A rule set as the server's upload and validate endpoints take it. */
    record Upload(String name, String comment, String inFlight, List<DrlSource> drl, List<TriggerSpec> triggers,
                  GuardrailSettings guardrails) {

        static Upload of(RuleSet ruleSet, String comment, String inFlight) {
            return new Upload(ruleSet.name(), comment == null || comment.isBlank() ? null : comment.strip(), inFlight,
                    ruleSet.drl(), ruleSet.triggers(), ruleSet.guardrails());
        }
    }

    /** Every version, newest first, without their rule sets. */
    List<ServerVersion> versions() {
        List<ServerVersion> versions = new ArrayList<>();
        client.get("/api/rulesets").forEach(v -> versions.add(client.read(v, ServerVersion.class)));
        return versions;
    }

    /** One version with its rule set. */
    ServerVersion version(long version) {
        return client.read(client.get("/api/rulesets/" + version), ServerVersion.class);
    }

    /** The active version with its rule set, if the server has one. */
    Optional<ServerVersion> active() {
        return versions().stream().filter(ServerVersion::active).findFirst().map(v -> version(v.version()));
    }

    JsonNode diff(long from, long to) {
        return client.get("/api/rulesets/diff?from=" + from + "&to=" + to);
    }

    JsonNode audit() {
        return client.get("/api/rulesets/audit?limit=200");
    }

    JsonNode validate(Upload upload) {
        return client.post("/api/rulesets/validate", upload);
    }

    ServerVersion upload(Upload upload) {
        return client.read(client.post("/api/rulesets", upload), ServerVersion.class);
    }

    WhatIfReport dryRun(long version, int hours) {
        return client.read(client.post("/api/rulesets/" + version + "/dry-run?hours=" + hours, null),
                WhatIfReport.class);
    }

    JsonNode activate(long version) {
        return client.post("/api/rulesets/" + version + "/activate", null);
    }

    JsonNode rollback() {
        return client.post("/api/rulesets/rollback", null);
    }

    JsonNode instances() {
        return client.get("/api/rulesets/instances");
    }
}
