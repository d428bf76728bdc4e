package dev.triggerforge.server.broker;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Adds the {@link BrokerProbe} channel, and only for the tests that use this profile, so the other tests' applications
 * do not get a stray queue; the broker and HTTP server take free ports so parallel test runs on one machine coexist.
 */
public class BrokerProbeProfile implements QuarkusTestProfile {

    static final String EXCHANGE = "triggerforge.test.probe";
    static final String QUEUE = "triggerforge.test.probe";
    private static final String CHANNEL = "mp.messaging.incoming." + BrokerProbe.CHANNEL + ".";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        // H2 refuses the implicitly relative %test data directory (target/data) of application.properties.
        config.put("triggerforge.data-dir", Path.of("target", "data").toAbsolutePath().toString());
        config.put("triggerforge.broker.port", Integer.toString(TestPorts.free()));
        config.put("quarkus.http.test-port", "0");
        config.put(BrokerProbe.ENABLED, "true");
        config.put(CHANNEL + "connector", "smallrye-rabbitmq");
        config.put(CHANNEL + "exchange.name", EXCHANGE);
        config.put(CHANNEL + "exchange.type", "topic");
        config.put(CHANNEL + "queue.name", QUEUE);
        config.put(CHANNEL + "routing-keys", "probe.#");
        // No second chance: if the broker were not up when the connector connects at start-up, this channel would
        // stay down and the test would fail.
        config.put(CHANNEL + "reconnect-attempts", "0");
        return config;
    }
}
