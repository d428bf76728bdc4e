package dev.triggerforge.server.delivery;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.HashMap;
import java.util.Map;

/**
 * The delivery tests' profiles, one per provider, each on its own in-memory H2 database so the tests neither see nor
 * leave rows in anyone else's outbox.
 */
public final class DeliveryProfiles {

    private DeliveryProfiles() {
    }

    static Map<String, String> common(String database) {
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.h2.jdbc.url",
                "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        return config;
    }

    /** Provider log with the background worker off: tests drive delivery batch by batch. */
    public static class Log implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = common("delivery-log");
            config.put("triggerforge.delivery.enabled", "false");
            config.put("triggerforge.delivery.provider", "log");
            return config;
        }
    }
}
