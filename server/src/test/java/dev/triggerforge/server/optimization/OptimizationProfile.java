package dev.triggerforge.server.optimization;

import dev.triggerforge.server.testing.EmbeddedServices;

import java.util.Map;

/**
 * The embedded services with learning periods of three seconds and sends counted five seconds after they are due,
 * so a test sees the policy follow the clicks within seconds; its own in-memory database.
 */
public class OptimizationProfile extends EmbeddedServices {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.h2.jdbc.url",
                "jdbc:h2:mem:optimization;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                "triggerforge.optimization.period", "3s",
                "triggerforge.optimization.reward-window", "5s",
                "triggerforge.optimization.check-every", "500ms",
                "triggerforge.optimization.min-segment-trials", "1000");
    }
}
