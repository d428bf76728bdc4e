package dev.triggerforge.server.broker;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.nio.file.Path;
import java.util.Map;

/**
 * Adds the {@link BrokerProbe} channel, and only for the tests that use this profile, so the other tests' applications
 * do not get a stray queue.
 */
public class BrokerProbeProfile implements QuarkusTestProfile {

    static final String EXCHANGE = "triggerforge.test.probe";
    static final String QUEUE = "triggerforge.test.probe";
    private static final String CHANNEL = "mp.messaging.incoming." + BrokerProbe.CHANNEL + ".";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                // H2 refuses the implicitly relative %test data directory (target/data) of application.properties.
                "triggerforge.data-dir", Path.of("target", "data").toAbsolutePath().toString(),
                BrokerProbe.ENABLED, "true",
                CHANNEL + "connector", "smallrye-rabbitmq",
                CHANNEL + "exchange.name", EXCHANGE,
                CHANNEL + "exchange.type", "topic",
                CHANNEL + "queue.name", QUEUE,
                CHANNEL + "routing-keys", "probe.#",
                // No second chance: if the broker were not up when the connector connects at start-up, this channel
                // would stay down and the test would fail.
                CHANNEL + "reconnect-attempts", "0");
    }
}
