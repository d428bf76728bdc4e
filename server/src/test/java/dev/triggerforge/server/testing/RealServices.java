package dev.triggerforge.server.testing;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The production setting against the RabbitMQ and PostgreSQL of this machine (127.0.0.1, guest/guest, trust auth,
 * database {@code triggerforge_it}, created by .ci/run); the schema is cleaned and migrated at start.
 */
public class RealServices implements QuarkusTestProfile {

    public static final String ENABLED = "TRIGGERFORGE_SERVICES";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("triggerforge.database", "postgresql"),
                Map.entry("quarkus.datasource.postgresql.jdbc.url",
                        "jdbc:postgresql://127.0.0.1:5432/triggerforge_it?reWriteBatchedInserts=true"),
                Map.entry("quarkus.datasource.postgresql.username", "postgres"),
                Map.entry("quarkus.flyway.postgresql.clean-disabled", "false"),
                Map.entry("quarkus.flyway.postgresql.clean-at-start", "true"),
                Map.entry("triggerforge.broker.embedded", "false"),
                Map.entry("triggerforge.broker.port", "5672"),
                Map.entry("triggerforge.events.exchange", "triggerforge-it.events"),
                Map.entry("triggerforge.events.queue", "triggerforge-it.events"),
                Map.entry("triggerforge.events.dead-letter-exchange", "triggerforge-it.events.dlx"),
                Map.entry("triggerforge.events.dead-letter-queue", "triggerforge-it.events.dead"));
    }
}
