package dev.triggerforge.server.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** The engine's Prometheus meters: what came in, what the rules decided, and how long it took. */
@ApplicationScoped
public class EngineMetrics {

    private final MeterRegistry registry;
    private final Counter accepted;
    private final Counter late;
    private final Counter duplicates;
    private final Timer eventToCommit;
    private final Timer publishToCommit;
    private final Timer decisionLag;
    private final DistributionSummary turnEvents;
    private final Timer turnTime;
    private final Timer commitTime;
    private final Map<String, Counter> decisions = new ConcurrentHashMap<>();
    private final Map<String, Counter> suppressions = new ConcurrentHashMap<>();

    EngineMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.accepted = Counter.builder("triggerforge.events.processed").tag("outcome", "accepted").register(registry);
        this.late = Counter.builder("triggerforge.events.processed").tag("outcome", "late").register(registry);
        this.duplicates = Counter.builder("triggerforge.events.processed").tag("outcome", "duplicate")
                .register(registry);
        this.eventToCommit = latency("triggerforge.event.decision.latency",
                "From the event reaching the server to its decisions being committed");
        this.publishToCommit = latency("triggerforge.event.end.to.end.latency",
                "From the event being published (AMQP timestamp) to its decisions being committed");
        this.decisionLag = latency("triggerforge.decision.lag",
                "From the moment a wait fell due to its decision being committed");
        this.turnEvents = DistributionSummary.builder("triggerforge.partition.turn.events")
                .description("Events committed together in one partition turn").register(registry);
        this.turnTime = latency("triggerforge.partition.turn.latency",
                "One partition turn with events, from taking its items to acknowledging them");
        this.commitTime = latency("triggerforge.partition.commit.latency",
                "The transaction that commits what one partition turn changed");
    }

    private Timer latency(String name, String description) {
        return Timer.builder(name).description(description).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    void accepted() {
        accepted.increment();
    }

    void late() {
        late.increment();
    }

    void duplicate() {
        duplicates.increment();
    }

    void decision(String ruleId) {
        decisions.computeIfAbsent(ruleId, r -> Counter.builder("triggerforge.decisions").tag("rule", r)
                .register(registry)).increment();
    }

    void suppression(String ruleId, String reason) {
        suppressions.computeIfAbsent(ruleId + '|' + reason, k -> Counter.builder("triggerforge.suppressions")
                .tag("rule", ruleId).tag("reason", reason).register(registry)).increment();
    }

    void committed(Duration sinceReceived, Duration sincePublished) {
        eventToCommit.record(sinceReceived);
        if (sincePublished != null) {
            publishToCommit.record(sincePublished);
        }
    }

    void turnCommitted(int events, long turnNanos) {
        turnEvents.record(events);
        turnTime.record(turnNanos, TimeUnit.NANOSECONDS);
    }

    void commitTook(long nanos) {
        commitTime.record(nanos, TimeUnit.NANOSECONDS);
    }

    void decisionLag(Duration lag) {
        decisionLag.record(lag);
    }

    public Timer endToEnd() {
        return publishToCommit;
    }
}
