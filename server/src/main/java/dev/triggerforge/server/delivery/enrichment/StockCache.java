package dev.triggerforge.server.delivery.enrichment;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;

/**
 * The provider's recent answers in memory: a fresh cache that expires after {@code cache-ttl} so repeated sends do
 * not ask the inventory again, and a bounded last-known store that never expires, used when the provider fails.
 */
@ApplicationScoped
public class StockCache {

    /** A sku's state and when the provider gave it. */
    public record Known(SkuState state, Instant at) {
    }

    private final Cache<String, SkuState> fresh;
    private final Cache<String, Known> lastKnown;

    StockCache(EnrichmentConfig config) {
        this.fresh = Caffeine.newBuilder().expireAfterWrite(config.cacheTtl()).maximumSize(config.cacheSize())
                .build();
        this.lastKnown = Caffeine.newBuilder().maximumSize(config.lastKnownSize()).build();
    }

    public Optional<SkuState> fresh(String sku) {
        return Optional.ofNullable(fresh.getIfPresent(sku));
    }

    public Optional<Known> lastKnown(String sku) {
        return Optional.ofNullable(lastKnown.getIfPresent(sku));
    }

    public void put(SkuState state, Instant at) {
        fresh.put(state.sku(), state);
        lastKnown.put(state.sku(), new Known(state, at));
    }
}
