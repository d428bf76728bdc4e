package dev.triggerforge.server.broker;

import io.quarkus.runtime.configuration.ConfigurationException;
import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.SystemLauncherListener;
import org.apache.qpid.server.model.Broker;
import org.apache.qpid.server.model.State;
import org.apache.qpid.server.model.SystemConfig;
import org.apache.qpid.server.store.derby.DerbyUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An Apache Qpid Broker-J running inside this JVM and speaking AMQP 0-9-1, so a fresh install needs no RabbitMQ; its
 * exchanges, queues and persistent messages live in a Derby store on disk and survive a restart.
 */
public final class EmbeddedBroker implements AutoCloseable {

    /** The property that moves the broker to another port, named in the message when the port is taken. */
    public static final String PORT_PROPERTY = "triggerforge.broker.port";

    private static final String INITIAL_CONFIG = "/dev/triggerforge/server/broker/initial-config.json";
    private static final String SYSTEM_PROPERTIES = "/dev/triggerforge/server/broker/system.properties";

    private final SystemLauncher launcher;
    private final Settings settings;

    private EmbeddedBroker(SystemLauncher launcher, Settings settings) {
        this.launcher = launcher;
        this.settings = settings;
    }

    /**
     * Starts a broker listening on {@code settings.host():settings.port()}, or fails with a
     * {@link ConfigurationException} naming the port and {@value #PORT_PROPERTY} when something else holds it.
     */
    public static EmbeddedBroker start(Settings settings) {
        requireFreePort(settings);
        try {
            Files.createDirectories(settings.storeDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the embedded broker's directory "
                    + settings.storeDirectory(), e);
        }
        // Derby decides where to log when its engine first loads, before Qpid would set this: without it, a derby.log
        // appears in the working directory.
        DerbyUtils.configureDerbyLogging();
        BrokerHolder holder = new BrokerHolder();
        SystemLauncher launcher = new SystemLauncher(holder);
        try {
            launcher.startup(systemAttributes(settings));
        } catch (Exception e) {
            requireFreePort(settings);
            throw new IllegalStateException("the embedded AMQP broker did not start (store "
                    + settings.storeDirectory() + "): " + e.getMessage(), e);
        }
        if (holder.broker == null || holder.broker.getState() != State.ACTIVE) {
            launcher.shutdown();
            requireFreePort(settings);
            throw new IllegalStateException("the embedded AMQP broker did not become active on " + settings.address());
        }
        return new EmbeddedBroker(launcher, settings);
    }

    public Settings settings() {
        return settings;
    }

    /** Stops the broker; persistent messages stay in its store for the next start. */
    @Override
    public void close() {
        launcher.shutdown();
    }

    private static Map<String, Object> systemAttributes(Settings settings) {
        Map<String, String> context = new HashMap<>();
        context.put("triggerforge.broker.host", settings.host());
        context.put("triggerforge.broker.port", Integer.toString(settings.port()));
        context.put("triggerforge.broker.username", settings.username());
        context.put("triggerforge.broker.password", settings.password());
        context.put("triggerforge.broker.store", settings.storeDirectory().resolve("store").toString());
        context.put(SystemConfig.QPID_WORK_DIR, settings.storeDirectory().toString());
        context.put(Broker.BROKER_FAIL_STARTUP_WITH_ERRORED_CHILD, "true");
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(SystemConfig.TYPE, "Memory");
        attributes.put(SystemConfig.INITIAL_CONFIGURATION_LOCATION, resource(INITIAL_CONFIG));
        attributes.put(SystemConfig.INITIAL_SYSTEM_PROPERTIES_LOCATION, resource(SYSTEM_PROPERTIES));
        attributes.put(SystemConfig.STARTUP_LOGGED_TO_SYSTEM_OUT, false);
        attributes.put("preferenceStoreAttributes", Map.of("type", "Noop"));
        attributes.put(SystemConfig.CONTEXT, context);
        return attributes;
    }

    /** A resource's URL as text: Qpid's {@code classpath:} URLs do not resolve inside a packaged Quarkus app. */
    private static String resource(String name) {
        URL url = Objects.requireNonNull(EmbeddedBroker.class.getResource(name), name);
        return url.toExternalForm();
    }

    private static void requireFreePort(Settings settings) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(settings.host(), settings.port()));
        } catch (IOException e) {
            throw new ConfigurationException("The embedded AMQP broker cannot listen on " + settings.address()
                    + ": port " + settings.port() + " is already in use (" + e.getMessage() + "). Set "
                    + PORT_PROPERTY + " to a free port (for example -D" + PORT_PROPERTY + "=" + (settings.port() + 10)
                    + "), or set triggerforge.broker.embedded=false to use a RabbitMQ at triggerforge.broker.host"
                    + "/port.");
        }
    }

    /**
     * Where the embedded broker listens, who may connect and where it keeps its store.
     *
     * @param storeDirectory the broker's own directory: its Derby store (exchanges, queues, persistent messages)
     */
    public record Settings(String host, int port, String username, String password, Path storeDirectory) {

        public Settings {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(storeDirectory, "storeDirectory");
            if (port < 1 || port > 65_535) {
                throw new ConfigurationException(PORT_PROPERTY + " must be from 1 to 65535, got " + port);
            }
        }

        String address() {
            return host + ":" + port;
        }
    }

    /** Catches the broker when Qpid resolves it, to check it came up. */
    private static final class BrokerHolder extends SystemLauncherListener.DefaultSystemLauncherListener {
        volatile Broker<?> broker;

        @Override
        public void onContainerResolve(SystemConfig<?> systemConfig) {
            broker = systemConfig.getContainer() instanceof Broker<?> b ? b : null;
        }
    }
}
