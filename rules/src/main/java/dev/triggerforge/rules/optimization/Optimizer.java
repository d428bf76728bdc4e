package dev.triggerforge.rules.optimization;

import dev.triggerforge.model.decision.Explanation;
import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.event.EventType;
import dev.triggerforge.model.optimization.PolicySnapshot;
import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.model.trigger.TriggerSpec;
import dev.triggerforge.model.trigger.Variant;
import dev.triggerforge.rules.guardrail.QuietHours;
import dev.triggerforge.rules.optimization.bandit.Allocation;
import dev.triggerforge.rules.optimization.sendtime.EngagementHistogram;
import dev.triggerforge.rules.optimization.sendtime.SendTimeChoice;
import dev.triggerforge.rules.optimization.sendtime.SendTimeModel;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A session's part of adaptive optimization: it learns its customers' reading hours from their own events, and
 * decides variants and send times with the period's shared {@link Policy}. Owned by one session and its thread.
 */
public final class Optimizer {

    /** A variant chosen with its explanation. */
    public record Choice(Variant variant, Explanation explanation) {
    }

    private final OptimizationSettings settings;
    private final EngagementHistogram history;
    private final Map<String, long[]> segmentEngagements = new HashMap<>();
    private final Map<String, long[]> segmentDeliveries = new HashMap<>();
    private Policy policy;

    public Optimizer(OptimizationSettings settings, Instant start) {
        this.settings = settings;
        this.history = new EngagementHistogram(settings.maxCustomers(), EngagementHistogram.DEFAULT_MAX_COUNT_PER_KIND);
        use(new Policy(PolicySnapshot.empty(Instant.ofEpochMilli(settings.periodStart(start.toEpochMilli()))),
                settings));
    }

    public OptimizationSettings settings() {
        return settings;
    }

    /** Decides with {@code next} from now on; call it between events. */
    public void use(Policy next) {
        this.policy = next;
    }

    public Policy policy() {
        return policy;
    }

    /** Learns from an open, click or delivery of the customer's; other events are ignored. */
    public void record(CustomerEvent event, CustomerProfile profile) {
        if (!history.record(event, profile.zone())) {
            return;
        }
        EventType type = event.type();
        Map<String, long[]> counts = type.equals(EventType.EMAIL_DELIVERED) ? segmentDeliveries : segmentEngagements;
        String segment = CustomerSegments.sendTime(profile);
        if (counts.containsKey(segment) || counts.size() < settings.maxSegments() + 1) {
            counts.computeIfAbsent(segment, s -> new long[24])[event.occurredAt().atZone(profile.zone()).getHour()]++;
        }
    }

    /** The variant of an adaptive trigger for the customer, drawn with the current period's probabilities. */
    public Choice allocate(TriggerSpec spec, CustomerProfile profile, long now) {
        String segment = CustomerSegments.of(profile);
        Allocation a = policy.allocate(spec.experimentId(), spec.variants(), profile.customerId(), segment,
                Instant.ofEpochMilli(now));
        Variant variant = spec.variants().stream().filter(v -> v.id().equals(a.arm())).findFirst().orElseThrow();
        Map<String, Double> ordered = new LinkedHashMap<>();
        spec.variants().forEach(v -> ordered.put(v.id(), a.probabilities().get(v.id())));
        return new Choice(variant, new Explanation(segment, ordered, a.reason(), policy.at(), null, null, null));
    }

    /** The customer's best moment within {@code within} of {@code due}, outside {@code quiet}. */
    public SendTimeChoice bestTime(CustomerProfile profile, long due, Duration within, QuietHours quiet) {
        SendTimeModel model = new SendTimeModel(history, policy.prior(CustomerSegments.sendTime(profile)));
        return model.bestTime(profile.customerId(), profile.zone(), Instant.ofEpochMilli(due), (int) within.toHours(),
                quiet);
    }

    /** Opens and clicks, and deliveries, by local hour per send-time segment, as learned since it started. */
    public ReadingHours readingHours() {
        return ReadingHours.none().plus(new ReadingHours(segmentEngagements, segmentDeliveries));
    }

    public EngagementHistogram history() {
        return history;
    }
}
