package dev.triggerforge.server.delivery.enrichment;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the items of a send against live stock and prices just before it is rendered, so an email does not
 * advertise what sold out or what costs something else now since the decision was taken.
 */
@ApplicationScoped
public class Enricher {

    private static final Logger LOG = Logger.getLogger(Enricher.class);

    /**
     * The variables to render with; {@code nothingLeft} when every item is out of stock; {@code note} says where
     * the values came from ({@code fresh}, {@code cached}, {@code stale: ...}, {@code unavailable: ...}), empty
     * when enrichment is off or the send shows no sku.
     */
    public record Result(Map<String, Object> variables, boolean nothingLeft, Optional<String> note) {
    }

    private final StockClient client;
    private final StockCache cache;
    private final EnrichmentMetrics metrics;

    Enricher(StockClient client, StockCache cache, EnrichmentMetrics metrics) {
        this.client = client;
        this.cache = cache;
        this.metrics = metrics;
    }

    public Result enrich(Map<String, Object> variables) {
        Set<String> skus = LineFilter.skus(variables);
        if (!client.configured() || skus.isEmpty()) {
            return new Result(variables, false, Optional.empty());
        }
        long start = System.nanoTime();
        Map<String, SkuState> states = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String sku : skus) {
            cache.fresh(sku).ifPresentOrElse(s -> states.put(sku, s), () -> missing.add(sku));
        }
        metrics.hits(skus.size() - missing.size());
        metrics.misses(missing.size());
        String note = missing.isEmpty() ? "cached" : fetch(missing, states);
        LineFilter.Outcome outcome = LineFilter.apply(variables, states);
        metrics.latency(System.nanoTime() - start);
        return new Result(outcome.variables(), outcome.nothingLeft(), Optional.of(note));
    }

    /** Asks the provider about the missing skus, falling back on their last known values; returns the note. */
    private String fetch(List<String> missing, Map<String, SkuState> states) {
        try {
            Map<String, SkuState> answered = client.fetch(missing);
            Instant now = Instant.now();
            answered.values().forEach(s -> cache.put(s, now));
            states.putAll(answered);
            return "fresh";
        } catch (StockUnavailableException e) {
            return fallBack(missing, states, e.reason(), e.getMessage());
        } catch (RuntimeException e) {
            return fallBack(missing, states, "error", e.toString());
        }
    }

    private String fallBack(List<String> missing, Map<String, SkuState> states, String reason, String detail) {
        metrics.providerFailure(reason);
        LOG.warnf("Stock provider gave no usable answer (%s); using last known values", detail);
        Instant oldest = null;
        for (String sku : missing) {
            Optional<StockCache.Known> known = cache.lastKnown(sku);
            if (known.isPresent()) {
                states.put(sku, known.get().state());
                oldest = oldest == null || known.get().at().isBefore(oldest) ? known.get().at() : oldest;
            }
        }
        return oldest == null ? "unavailable: provider " + reason
                : "stale: provider " + reason + ", values from " + oldest.truncatedTo(ChronoUnit.SECONDS);
    }
}
