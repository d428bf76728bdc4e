package dev.triggerforge.server.delivery.enrichment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * Every send-time enrichment setting, under the prefix {@code triggerforge.enrichment}; with no provider URL
 * configured enrichment is off and sends go out with the variables the engine stored.
 */
@ConfigMapping(prefix = "triggerforge.enrichment")
public interface EnrichmentConfig {

    /** Longest wait for a provider's whole answer; past it the last known values are used. */
    @WithDefault("300ms")
    Duration timeout();

    /** How long a provider's answer for one sku is served from memory without asking again. */
    @WithDefault("5m")
    Duration cacheTtl();

    /** Most skus held in the fresh cache; the least recently used go first. */
    @WithDefault("10000")
    long cacheSize();

    /** Most skus whose last known values are kept for when the provider does not answer. */
    @WithDefault("100000")
    long lastKnownSize();

    Stock stock();

    interface Stock {
        /**
         * The stock and price endpoint, called as {@code GET {url}?sku=A&sku=B} and answering a JSON array of
         * {@code {"sku", "inStock", "price"}}; enrichment is off when absent.
         */
        Optional<String> url();

        /** Value of the Authorization header sent to it, e.g. "Bearer ..."; never logged. */
        Optional<String> authHeader();
    }
}
