package dev.triggerforge.server.tracking;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** The settings of tracked links, under {@code triggerforge.tracking}, so links point at this server and stay valid. */
@ConfigMapping(prefix = "triggerforge.tracking")
public interface TrackingConfig {

    /** Key that signs tracked links; when absent a random one is kept in {@code <data-dir>/tracking-secret}. */
    Optional<String> secret();

    /** Public address of this server as recipients reach it; tracked links start with it. */
    @WithDefault("http://localhost:8080")
    String baseUrl();
}
