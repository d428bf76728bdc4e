package dev.triggerforge.server.delivery;

import dev.triggerforge.server.testing.FreeBrokerPort;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.HashMap;
import java.util.List;
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

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FreeBrokerPort.class));
        }
    }

    /** Provider smtp against the GreenMail server of {@link GreenMailResource}, worker on. */
    public static class Smtp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = common("delivery-smtp");
            config.put("triggerforge.delivery.enabled", "true");
            config.put("triggerforge.delivery.provider", "smtp");
            config.put("triggerforge.delivery.poll-interval", "100ms");
            config.put("triggerforge.delivery.from", "Outdoor Shop <news@shop.example.com>");
            config.put("quarkus.mailer.mock", "false");
            return config;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(GreenMailResource.class), new TestResourceEntry(FreeBrokerPort.class));
        }
    }

    /**
     * Provider http against {@link FakeEmailApi}, worker on, with short backoff and a circuit that opens after four
     * failures in a row and stays open for three seconds.
     */
    public static class Http implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = common("delivery-http");
            config.put("triggerforge.delivery.enabled", "true");
            config.put("triggerforge.delivery.provider", "http");
            config.put("triggerforge.delivery.poll-interval", "50ms");
            config.put("triggerforge.delivery.backoff.base", "200ms");
            config.put("triggerforge.delivery.backoff.max", "400ms");
            config.put("triggerforge.delivery.max-attempts", "3");
            config.put("triggerforge.delivery.http.auth-header", "Bearer test-secret");
            config.put("triggerforge.delivery.http.timeout", "2s");
            config.put("triggerforge.delivery.circuit-breaker.request-volume-threshold", "4");
            config.put("triggerforge.delivery.circuit-breaker.failure-ratio", "1.0");
            config.put("triggerforge.delivery.circuit-breaker.delay-ms", "3000");
            return config;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeEmailApi.Resource.class),
                    new TestResourceEntry(FreeBrokerPort.class));
        }
    }

    /**
     * Provider http against {@link FakeEmailApi}, worker on, with enrichment asking {@link FakeInventory}: a one-second
     * timeout and a three-second cache, so tests can wait for it to expire.
     */
    public static class Enrichment implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = common("delivery-enrichment");
            config.put("triggerforge.delivery.enabled", "true");
            config.put("triggerforge.delivery.provider", "http");
            config.put("triggerforge.delivery.poll-interval", "50ms");
            config.put("triggerforge.enrichment.timeout", "1s");
            config.put("triggerforge.enrichment.cache-ttl", "3s");
            return config;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeEmailApi.Resource.class),
                    new TestResourceEntry(FakeInventory.Resource.class), new TestResourceEntry(FreeBrokerPort.class));
        }
    }
}
