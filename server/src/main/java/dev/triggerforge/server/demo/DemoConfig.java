package dev.triggerforge.server.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Demo-traffic settings, under {@code triggerforge.demo}: off by default, so production never sees made-up events. */
@ConfigMapping(prefix = "triggerforge.demo")
public interface DemoConfig {

    /** Feed synthetic shoppers' events through the event publisher after start-up. */
    @WithDefault("false")
    boolean enabled();

    /** How many synthetic customers shop in the replayed backlog and in each later batch. */
    @WithDefault("200")
    int customers();

    /** The seed of the synthetic traffic: the same seed gives the same shoppers and journeys. */
    @WithDefault("1")
    long seed();

    /** How much recent shopping is replayed at start, shifted to end now; carts left over 30 minutes ago trigger. */
    @WithDefault("45m")
    Duration backlog();

    /** The rate of the live events published after the backlog, each stamped with the time it is published. */
    @WithDefault("20")
    double eventsPerSecond();
}
