package dev.triggerforge.server.delivery;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Works around a SmallRye Fault Tolerance 6.10 bug that makes Prometheus refuse, and so fail, every
 * {@code @RateLimit} call.
 */
public class RateLimitMetricFix {

    static final String METER = "ft.ratelimit.calls.total";

    /**
     * SmallRye pre-registers {@code ft.ratelimit.calls.total} with the bulkhead's tag
     * ({@code bulkheadResult=accepted|rejected}) and later counts it with {@code rateLimitResult}; Prometheus refuses a
     * name with two tag sets. This renames the stray tag to the one the counter is used with, and matches nothing once
     * the bug is fixed upstream.
     */
    @Produces
    @Singleton
    MeterFilter renameStrayBulkheadTag() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String result = id.getTag("bulkheadResult");
                if (!METER.equals(id.getName()) || result == null) {
                    return id;
                }
                List<Tag> tags = id.getTags().stream().filter(t -> !t.getKey().equals("bulkheadResult")).toList();
                String renamed = "accepted".equals(result) ? "permitted" : result;
                return id.replaceTags(Tags.of(tags).and("rateLimitResult", renamed));
            }
        };
    }
}
