package dev.triggerforge.server.cluster;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.List;
import java.util.Map;

/**
 * Turns off the connector's single-queue channels ({@code events} and {@code browse}) when
 * {@code triggerforge.cluster.enabled} is true, because partition queues are then consumed by {@link PartitionQueues}
 * and the single queue must not take a second copy of every event.
 */
public final class ClusterChannels implements ConfigSourceFactory {

    public static final String PROPERTY = "triggerforge.cluster.enabled";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue value = context.getValue(PROPERTY);
        if (value == null || value.getValue() == null || !Boolean.parseBoolean(value.getValue().trim())) {
            return List.of();
        }
        return List.of(new PropertiesConfigSource(Map.of(
                "mp.messaging.incoming.events.enabled", "false",
                "mp.messaging.incoming.browse.enabled", "false"), "triggerforge-cluster-channels", 275));
    }
}
