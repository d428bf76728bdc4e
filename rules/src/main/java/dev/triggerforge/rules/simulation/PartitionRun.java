package dev.triggerforge.rules.simulation;

import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.decision.Suppression;
import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.model.report.TimelineEntry;
import dev.triggerforge.rules.compile.CompiledRuleSet;
import dev.triggerforge.rules.optimization.Explanations;
import dev.triggerforge.rules.session.SessionListener;
import dev.triggerforge.rules.session.TriggerSession;
import dev.triggerforge.rules.session.WaitTrace;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One partition of a simulation: its customers' events through one session, in event time. The clock is moved to
 * whichever comes first, the next event or the next wait, so the answers a send provokes (from the response model)
 * are offered at their own time and never fall behind the clock. It runs in steps ({@link #runUntil}) so the
 * simulator can stop every partition at the end of a learning period and hand them the next period's policy.
 */
final class PartitionRun {

    static final Comparator<CustomerEvent> EVENT_ORDER =
            Comparator.comparing(CustomerEvent::occurredAt).thenComparing(CustomerEvent::eventId);
    private static final int PROGRESS_EVERY = 8192;

    /** What the partition produced. */
    record Outcome(List<EmailDecision> decisions, List<Suppression> suppressions, List<CustomerEvent> responses,
                   Map<String, List<TimelineEntry>> timelines, long duplicates, long late, long readingEvictions) {
    }

    private final List<CustomerEvent> events;
    private final long until;
    private final SimulationOptions options;
    private final AtomicLong processed;
    private final long total;
    private final Collector collector = new Collector();
    private final TriggerSession session;
    private int next;
    private int sinceReport;

    PartitionRun(CompiledRuleSet rules, List<CustomerEvent> events, List<CustomerProfile> profiles, Instant start,
                 Instant until, SimulationOptions options, AtomicLong processed, long total) {
        this.events = events;
        this.until = until.toEpochMilli();
        this.options = options;
        this.processed = processed;
        this.total = total;
        this.session = new TriggerSession(rules, options.session(), collector, start);
        profiles.forEach(session::putProfile);
    }

    TriggerSession session() {
        return session;
    }

    /** Decisions so far, in the order they were made. */
    List<EmailDecision> decisions() {
        return collector.decisions;
    }

    /** Answers offered so far, in the order they were offered. */
    List<CustomerEvent> responses() {
        return collector.responses;
    }

    /** Offers every event and answer and fires every wait up to {@code limit} (epoch ms, inclusive). */
    void runUntil(long limit) {
        long stop = Math.min(limit, until);
        while (true) {
            CustomerEvent input = next < events.size() ? events.get(next) : null;
            CustomerEvent response = collector.pending.peek();
            CustomerEvent event = earliest(input, response);
            long eventAt = event == null ? Long.MAX_VALUE : event.occurredAt().toEpochMilli();
            long waitAt = session.nextWaitAt();
            if (Math.min(eventAt, waitAt) > stop) {
                return;
            }
            if (waitAt <= eventAt) {
                session.advanceTo(Instant.ofEpochMilli(waitAt));
                continue;
            }
            if (event == input) {
                next++;
            } else {
                collector.pending.poll();
                collector.responses.add(event);
            }
            session.advanceTo(event.occurredAt());
            collector.event(event);
            session.offer(event);
            if (++sinceReport == PROGRESS_EVERY) {
                options.progress().onProgress(processed.addAndGet(sinceReport), total);
                sinceReport = 0;
            }
        }
    }

    /** Runs to the end, closes the session and returns what the partition produced. */
    Outcome finish() {
        runUntil(until);
        session.advanceTo(Instant.ofEpochMilli(until));
        long evictions = session.optimizer().history().evictions();
        session.close();
        options.progress().onProgress(processed.addAndGet(sinceReport), total);
        sinceReport = 0;
        return new Outcome(collector.decisions, collector.suppressions, collector.responses, collector.timelines,
                collector.duplicates, collector.late, evictions);
    }

    /** The earlier of an input event and a response; on a tie the input comes first. */
    private static CustomerEvent earliest(CustomerEvent input, CustomerEvent response) {
        if (input == null) {
            return response;
        }
        if (response == null) {
            return input;
        }
        return input.occurredAt().compareTo(response.occurredAt()) <= 0 ? input : response;
    }

    /** Gathers what the session reports, and queues the answers each send provokes. */
    private final class Collector implements SessionListener {
        final List<EmailDecision> decisions = new ArrayList<>();
        final List<Suppression> suppressions = new ArrayList<>();
        final List<CustomerEvent> responses = new ArrayList<>();
        final PriorityQueue<CustomerEvent> pending = new PriorityQueue<>(EVENT_ORDER);
        final Map<String, List<TimelineEntry>> timelines = new HashMap<>();
        long duplicates;
        long late;

        @Override
        public void onDecision(EmailDecision d) {
            decisions.add(d);
            pending.addAll(options.responses().respondTo(d));
            timeline(d.customerId(), new TimelineEntry(d.sendAt(), "send", d.templateId(), d.ruleId(),
                    (d.variant() == null ? d.idempotencyKey() : "variant " + d.variant() + ", " + d.idempotencyKey())
                            + Explanations.summary(d.explanation()), null, d.explanation()));
        }

        @Override
        public void onSuppression(Suppression s) {
            suppressions.add(s);
            timeline(s.customerId(), new TimelineEntry(s.at(), "suppressed", s.reason().wireName(), s.ruleId(),
                    s.detail(), null));
        }

        @Override
        public void onDuplicateEvent(CustomerEvent event) {
            duplicates++;
        }

        @Override
        public void onLateEvent(CustomerEvent event, Duration behind) {
            late++;
        }

        @Override
        public void onWait(WaitTrace t) {
            timeline(t.customerId(), new TimelineEntry(t.at(), "wait", t.kind().name().toLowerCase(Locale.ROOT),
                    t.ruleId(), t.subject(), t.eventId()));
        }

        void event(CustomerEvent e) {
            timeline(e.customerId(), new TimelineEntry(e.occurredAt(), "event", e.type().name(), null, null,
                    e.eventId()));
        }

        private void timeline(String customerId, TimelineEntry entry) {
            if (options.timelineCustomers().contains(customerId)) {
                timelines.computeIfAbsent(customerId, id -> new ArrayList<>()).add(entry);
            }
        }
    }
}
