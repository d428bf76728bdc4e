package dev.triggerforge.server.delivery.enrichment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.TimeUnit;

/**
 * The enrichment figures an operator watches: how long it adds to a send, how often the cache answers (hits over
 * hits plus misses), how often the provider fails, and sends suppressed because nothing was left in stock.
 */
@ApplicationScoped
public class EnrichmentMetrics {

    public static final String LATENCY = "triggerforge.enrichment.latency";
    public static final String CACHE_HITS = "triggerforge.enrichment.cache.hits";
    public static final String CACHE_MISSES = "triggerforge.enrichment.cache.misses";
    public static final String PROVIDER_FAILURES = "triggerforge.enrichment.provider.failures";
    /** The engine's suppression counter, so sends held back at send time show next to the guardrails' ones. */
    public static final String SUPPRESSIONS = "triggerforge.suppressions";
    public static final String OUT_OF_STOCK = "out_of_stock";

    private final MeterRegistry registry;
    private final Timer latency;
    private final Counter hits;
    private final Counter misses;

    EnrichmentMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.latency = Timer.builder(LATENCY).description("Time enrichment adds to one send, provider call included")
                .publishPercentileHistogram().register(registry);
        this.hits = Counter.builder(CACHE_HITS).description("Skus answered from the fresh cache").register(registry);
        this.misses = Counter.builder(CACHE_MISSES).description("Skus the provider had to be asked about")
                .register(registry);
    }

    void latency(long nanos) {
        latency.record(nanos, TimeUnit.NANOSECONDS);
    }

    void hits(int count) {
        hits.increment(count);
    }

    void misses(int count) {
        misses.increment(count);
    }

    void providerFailure(String reason) {
        Counter.builder(PROVIDER_FAILURES).description("Stock provider calls that gave no usable answer in time")
                .tag("reason", reason).register(registry).increment();
    }

    /** One send suppressed because every item it would show is out of stock. */
    public void outOfStock(String ruleId) {
        Counter.builder(SUPPRESSIONS).tag("rule", ruleId).tag("reason", OUT_OF_STOCK).register(registry).increment();
    }
}
