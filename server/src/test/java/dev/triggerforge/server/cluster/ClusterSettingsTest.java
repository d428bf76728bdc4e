package dev.triggerforge.server.cluster;

import dev.triggerforge.server.config.TriggerForgeConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Cluster mode's settings without a broker: the defaults, the single-queue channels turned off only when the mode is
 * on, and a clear refusal to start it on the embedded broker, which has no consistent-hash exchange.
 */
class ClusterSettingsTest {

    @Test
    void offByDefaultWithSixteenPartitionsHashedOnTheCustomerHeader() {
        TriggerForgeConfig.Cluster cluster = config(Map.of()).getConfigMapping(TriggerForgeConfig.class).cluster();
        assertThat(cluster.enabled()).isFalse();
        assertThat(cluster.partitions()).isEqualTo(16);
        assertThat(cluster.exchange()).isEqualTo("triggerforge.partitioned");
        assertThat(ClusterTopology.queueName(cluster, 3)).isEqualTo("triggerforge.partition.3");
        assertThat(cluster.hashHeader()).isEqualTo("x-customer-id");
    }

    @Test
    void theSingleQueueChannelsAreTurnedOffOnlyInClusterMode() {
        assertThat(config(Map.of()).getOptionalValue("mp.messaging.incoming.events.enabled", Boolean.class))
                .isEmpty();
        SmallRyeConfig clustered = config(Map.of("triggerforge.cluster.enabled", "true"));
        assertThat(clustered.getValue("mp.messaging.incoming.events.enabled", Boolean.class)).isFalse();
        assertThat(clustered.getValue("mp.messaging.incoming.browse.enabled", Boolean.class)).isFalse();
    }

    @Test
    void clusterModeOnTheEmbeddedBrokerIsRefusedWithTheReason() {
        TriggerForgeConfig config = config(Map.of("triggerforge.cluster.enabled", "true"))
                .getConfigMapping(TriggerForgeConfig.class);
        assertThatThrownBy(() -> new ClusterTopology(config).declare(new StartupEvent()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rabbitmq_consistent_hash_exchange")
                .hasMessageContaining("triggerforge.broker.embedded=false");
    }

    private static SmallRyeConfig config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withMapping(TriggerForgeConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new ClusterChannels())
                .withDefaultValue("triggerforge.data-dir", "target/data")
                .withDefaultValues(values).build();
    }
}
