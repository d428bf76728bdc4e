package dev.triggerforge.server.demo;

import dev.triggerforge.server.broker.TestPorts;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.nio.file.Path;
import java.util.Map;

/**
 * Turns the demo on, small and fast, with the {@link RecordingPublisher} in place of the real event publisher, and the
 * broker and HTTP server on free ports so parallel test runs on one machine coexist.
 */
public class DemoTrafficProfile implements QuarkusTestProfile {

    static final int CUSTOMERS = 30;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                // H2 refuses the implicitly relative %test data directory (target/data) of application.properties.
                "triggerforge.data-dir", Path.of("target", "data").toAbsolutePath().toString(),
                RecordingPublisher.ENABLED, "true",
                "triggerforge.broker.port", Integer.toString(TestPorts.free()),
                "quarkus.http.test-port", "0",
                "triggerforge.demo.enabled", "true",
                "triggerforge.demo.customers", Integer.toString(CUSTOMERS),
                "triggerforge.demo.events-per-second", "200");
    }
}
