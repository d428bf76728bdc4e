package dev.triggerforge.server.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Gives the embedded broker of a test run a free port, so test runs side by side never share a broker; with
 * {@code -Dtf.test.broker.port=5672} the same tests run against an existing broker such as RabbitMQ instead.
 */
public class FreeBrokerPort implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String existing = System.getProperty("tf.test.broker.port");
        if (existing != null) {
            return Map.of("triggerforge.broker.port", existing, "triggerforge.broker.embedded", "false");
        }
        return Map.of("triggerforge.broker.port", Integer.toString(freePort()));
    }

    @Override
    public void stop() {
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
