package dev.triggerforge.server.broker;

import dev.triggerforge.server.config.TriggerForgeConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lifecycle's decision, read from the real config mapping: a broker when embedded, nothing when not. */
class EmbeddedBrokerLifecycleTest {

    private static final String HOST = "127.0.0.1";

    @TempDir
    Path dir;

    @Test
    void embeddedStartsABrokerOnTheConfiguredPortAndStopReleasesIt() throws Exception {
        int port = TestPorts.free();
        EmbeddedBrokerLifecycle lifecycle = new EmbeddedBrokerLifecycle(config(true, port));
        lifecycle.start(new StartupEvent());
        try {
            assertTrue(lifecycle.isRunning());
            assertTrue(listening(port), "the broker listens on " + port);
        } finally {
            lifecycle.stop(new Object());
        }
        assertFalse(lifecycle.isRunning());
        assertFalse(listening(port), "the port is released");
        assertTrue(dir.resolve("broker").toFile().isDirectory(), "the store is under triggerforge.data-dir/broker");
    }

    @Test
    void notEmbeddedStartsNothing() throws Exception {
        int port = TestPorts.free();
        EmbeddedBrokerLifecycle lifecycle = new EmbeddedBrokerLifecycle(config(false, port));
        lifecycle.start(new StartupEvent());
        assertFalse(lifecycle.isRunning());
        assertFalse(listening(port));
        assertFalse(dir.resolve("broker").toFile().exists());
    }

    @Test
    void aTakenPortStopsStartUpWithTheClearMessage() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            EmbeddedBrokerLifecycle lifecycle = new EmbeddedBrokerLifecycle(config(true, taken.getLocalPort()));
            RuntimeException e = assertThrows(RuntimeException.class, () -> lifecycle.start(new StartupEvent()));
            assertTrue(e.getMessage().contains("triggerforge.broker.port"), e.getMessage());
            assertFalse(lifecycle.isRunning());
        }
    }

    private TriggerForgeConfig config(boolean embedded, int port) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(TriggerForgeConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withDefaultValues(Map.of(
                        "triggerforge.data-dir", dir.toString(),
                        "triggerforge.broker.embedded", Boolean.toString(embedded),
                        "triggerforge.broker.port", Integer.toString(port)))
                .build();
        return config.getConfigMapping(TriggerForgeConfig.class);
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(HOST, port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
