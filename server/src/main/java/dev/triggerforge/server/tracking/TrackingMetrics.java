package dev.triggerforge.server.tracking;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The feedback figures an operator watches: {@code triggerforge.tracking.hits} by link kind and outcome, and
 * {@code triggerforge.webhook.items} by provider report type and outcome.
 */
@ApplicationScoped
public class TrackingMetrics {

    public static final String HITS = "triggerforge.tracking.hits";
    public static final String WEBHOOK_ITEMS = "triggerforge.webhook.items";

    private final MeterRegistry registry;

    TrackingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** @param outcome {@code valid}, {@code invalid} (bad or unknown token) or {@code unpublished} (broker silent) */
    void hit(LinkKind kind, String outcome) {
        registry.counter(HITS, "kind", kind.name().toLowerCase(), "outcome", outcome).increment();
    }

    /** @param outcome {@code accepted} or {@code rejected} */
    public void webhookItem(String type, String outcome) {
        registry.counter(WEBHOOK_ITEMS, "type", type, "outcome", outcome).increment();
    }
}
