package dev.triggerforge.server.delivery;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The delivery figures an operator watches: {@code triggerforge.sends} by outcome and provider,
 * {@code triggerforge.sends.blocked}, sends given up because their address is blocked, and
 * {@code triggerforge.outbox.lag.seconds}, how long the oldest due row has waited (0 when the dispatcher keeps up).
 */
@ApplicationScoped
public class DeliveryMetrics {

    public static final String SENDS = "triggerforge.sends";
    public static final String LAG = "triggerforge.outbox.lag.seconds";
    public static final String BLOCKED = "triggerforge.sends.blocked";

    private final MeterRegistry registry;
    private final AtomicLong lagMillis = new AtomicLong();

    DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(LAG, lagMillis, millis -> millis.get() / 1000.0)
                .description("Age of the oldest outbox row that is due and not yet claimed")
                .baseUnit("seconds")
                .register(registry);
    }

    void sent(String provider) {
        count("sent", provider);
    }

    void failed(String provider) {
        count("failed", provider);
    }

    void blocked() {
        registry.counter(BLOCKED).increment();
    }

    void retried(String provider) {
        count("retried", provider);
    }

    void lag(Duration lag) {
        lagMillis.set(Math.max(0, lag.toMillis()));
    }

    private void count(String status, String provider) {
        registry.counter(SENDS, "status", status, "provider", provider).increment();
    }
}
