package dev.triggerforge.server.engine;

import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.decision.Suppression;
import dev.triggerforge.model.decision.SuppressionReason;
import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.json.EventCodec;
import dev.triggerforge.model.json.InvalidEventException;
import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.model.trigger.TriggerSpec;
import dev.triggerforge.model.trigger.Variant;
import dev.triggerforge.rules.session.Offer;
import dev.triggerforge.rules.session.SessionListener;
import dev.triggerforge.rules.session.StableHash;
import dev.triggerforge.rules.session.TriggerSession;
import dev.triggerforge.server.customers.CustomerAlias;
import dev.triggerforge.server.experiments.Assignment;
import dev.triggerforge.server.feedback.Feedback;
import dev.triggerforge.server.rulesets.ActiveRuleSet;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One single-threaded trigger session and its inbox. Each turn takes what has arrived (or nothing, on a tick), moves
 * the session clock to wall time, lets the rules react, commits everything in one transaction and only then
 * acknowledges the events. When a commit fails the events go back to the broker and the session is rebuilt from the
 * store, so memory never runs ahead of what is committed.
 */
final class Partition implements Runnable {

    private static final Logger LOG = Logger.getLogger(Partition.class);
    private static final Set<String> PROFILE_TYPES = Set.of("signup", "profile_update", "email_unsubscribe");
    private static final int MAX_ABSENT = 2_000_000;
    private static final long REBUILD_FIRST_PAUSE_MILLIS = 100;
    private static final long REBUILD_LAST_PAUSE_MILLIS = 30_000;

    private final int index;
    private final EngineContext ctx;
    private final LinkedBlockingQueue<Work> inbox = new LinkedBlockingQueue<>();
    private final Batch batch = new Batch();
    private final Recorder recorder = new Recorder();
    private final LongOpenHashSet absentProfiles = new LongOpenHashSet();
    private volatile boolean running = true;
    private volatile boolean ready;
    private boolean replaying;
    private long turnStarted;
    private ActiveRuleSet rules;
    private TriggerSession session;

    Partition(int index, EngineContext ctx, ActiveRuleSet rules) {
        this.index = index;
        this.ctx = ctx;
        this.rules = rules;
    }

    void submit(Work work) {
        inbox.add(work);
    }

    int backlog() {
        return inbox.size();
    }

    boolean ready() {
        return ready;
    }

    long pendingWaits() {
        TriggerSession s = session;
        return s == null ? 0 : s.pendingWaits();
    }

    /** Customers whose reading hours the session keeps, and how many it forgot to stay within its bound. */
    long[] readingMemory() {
        TriggerSession s = session;
        return s == null ? new long[2] : new long[] {s.optimizer().history().size(),
                s.optimizer().history().evictions()};
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        ready = rebuildUntilDone();
        List<Work> turn = new ArrayList<>(ctx.batchSize());
        long tickMillis = ctx.tick().toMillis();
        while (running) {
            try {
                Work first = inbox.poll(tickMillis, TimeUnit.MILLISECONDS);
                if (first != null) {
                    turn.add(first);
                    inbox.drainTo(turn, ctx.batchSize() - 1);
                    linger(turn);
                }
                turn(turn);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.errorf(e, "Partition %d could not commit a turn of %d items; they go back to the broker and "
                        + "the session is rebuilt from the store", index, turn.size());
                settleFailed(turn, e);
                rebuildUntilDone();
            } finally {
                turn.clear();
                batch.clear();
            }
        }
        if (session != null) {
            session.close();
        }
    }

    /**
     * Lets a small turn gather what arrives within the linger time of its first item. A turn of a tenth of a batch
     * already shares its commit widely, and waiting for more would only hold back a drain whose prefetch is spent.
     */
    private void linger(List<Work> turn) throws InterruptedException {
        int enough = Math.max(1, ctx.batchSize() / 10);
        long deadline = System.nanoTime() + ctx.linger().toNanos();
        while (turn.size() < enough) {
            long left = deadline - System.nanoTime();
            Work next = left > 0 ? inbox.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                return;
            }
            turn.add(next);
            inbox.drainTo(turn, ctx.batchSize() - turn.size());
        }
    }

    private void turn(List<Work> turn) {
        turnStarted = System.nanoTime();
        Instant now = ctx.clock().instant();
        Set<String> known = ctx.writer().storedEventIds(olderThanTolerance(turn, now));
        if (ctx.byQueue()) {
            loadUnknownProfiles(turn);
        }
        session.advanceTo(now);
        for (Work w : turn) {
            if (w instanceof Work.Swap swap) {
                finish(now);
                swap(swap);
                continue;
            }
            if (w instanceof Work.HandOver h) {
                handOver(h);
                continue;
            }
            if (w instanceof Work.Adopt a) {
                session.adopt(a.handover());
                continue;
            }
            if (w instanceof Work.UsePolicy u) {
                session.usePolicy(u.policy());
                continue;
            }
            if (w instanceof Work.AskReadingHours r) {
                r.done().complete(session.optimizer().readingHours());
                continue;
            }
            if (w instanceof Work.Waits q) {
                q.done().complete(session.pendingWaits(q.customerId()));
                continue;
            }
            batch.settled.add(w);
            if (w instanceof Work.Event e) {
                if (known.contains(e.event().eventId())) {
                    ctx.metrics().duplicate();
                } else {
                    process(e, now);
                }
            } else if (w instanceof Work.Profile p) {
                String id = p.update().customerId();
                CustomerProfile before = session.profile(id);
                batch.profileChanges.put(p, session.mergeProfile(p.update()));
                CustomerProfile after = session.profile(id);
                if (!after.equals(before)) {
                    batch.profiles.put(id, after);
                }
            }
        }
        finish(now);
    }

    /** Ends a turn, or the part of it before a swap: fire what fell due, commit, then acknowledge. */
    private void finish(Instant now) {
        session.advanceTo(now);
        if (batch.hasWrites()) {
            long started = System.nanoTime();
            ctx.writer().commit(batch);
            ctx.metrics().commitTook(System.nanoTime() - started);
        }
        settleCommitted();
        batch.clear();
    }

    /** Moves the session to a new rule-set version between two events; nothing is in flight at this point. */
    private void swap(Work.Swap swap) {
        try {
            int cancelled = session.swapRules(swap.rules().compiled(), swap.cancelChanged());
            rules = swap.rules();
            swap.done().complete(cancelled);
        } catch (RuntimeException e) {
            swap.done().completeExceptionally(e);
            throw e;
        }
    }

    /**
     * The visitor of an identify event lives here and the customer elsewhere: their state goes to the customer's
     * partition, then the event, and from now on the visitor's events go there too.
     */
    private void handOver(Work.HandOver h) {
        h.target().submit(new Work.Adopt(session.release(h.visitor())));
        h.target().submit(h.identify());
        ctx.aliases().putIfAbsent(h.visitor(), h.identify().event().customerId());
    }

    private void process(Work.Event e, Instant now) {
        CustomerEvent event = e.event();
        boolean profileType = PROFILE_TYPES.contains(event.type().name());
        CustomerProfile before = profileType ? session.profile(event.customerId()) : null;
        Offer offer = session.offer(event);
        if (offer == Offer.DUPLICATE) {
            ctx.metrics().duplicate();
            return;
        }
        if (offer == Offer.LATE) {
            ctx.metrics().late();
        } else {
            ctx.metrics().accepted();
        }
        batch.events.add(Rows.storedEvent(e, index, ctx.sequence().incrementAndGet(), now, offer));
        if (Feedback.isFeedback(event)) {
            batch.feedback.put(event.eventId(), Feedback.row(event));
        }
        String visitor = event.identifiedVisitor();
        if (visitor != null && !visitor.equals(event.customerId())) {
            CustomerAlias alias = new CustomerAlias();
            alias.anonymousId = visitor;
            alias.customerId = event.customerId();
            alias.linkedAt = now;
            batch.aliases.put(visitor, alias);
            ctx.aliases().putIfAbsent(visitor, event.customerId());
        }
        if (profileType) {
            CustomerProfile after = session.profile(event.customerId());
            if (!after.equals(before)) {
                batch.profiles.put(after.customerId(), after);
            }
        }
    }

    private void settleCommitted() {
        Instant committed = ctx.clock().instant();
        int events = 0;
        for (Work w : batch.settled) {
            if (w instanceof Work.Event e) {
                events++;
                e.delivery().committed();
                Duration sincePublished = e.publishedAt() == null ? null : Duration.between(e.publishedAt(), committed);
                ctx.metrics().committed(Duration.between(e.receivedAt(), committed), sincePublished);
            } else if (w instanceof Work.Profile p) {
                p.done().complete(batch.profileChanges.get(p));
            }
        }
        for (Work w : batch.settled) {
            if (w instanceof Work.Event e) {
                e.delivery().flush();
            }
        }
        if (events > 0) {
            ctx.metrics().turnCommitted(events, System.nanoTime() - turnStarted);
        }
        batch.sends.values().forEach(s -> ctx.metrics().decisionLag(Duration.between(s.decidedAt, committed)));
    }

    /**
     * Hands back everything of a failed turn that is not committed yet. Items committed before a swap in the same
     * turn are already acknowledged; settling them again changes nothing.
     */
    private void settleFailed(List<Work> turn, Throwable cause) {
        for (Work w : turn) {
            if (w instanceof Work.Event e) {
                e.delivery().failed(cause);
            } else if (w instanceof Work.Profile p) {
                p.done().completeExceptionally(cause);
            } else if (w instanceof Work.Swap swap) {
                swap.done().completeExceptionally(cause);
            } else if (w instanceof Work.HandOver h) {
                h.identify().delivery().failed(cause);
            } else if (w instanceof Work.AskReadingHours r) {
                r.done().completeExceptionally(cause);
            } else if (w instanceof Work.Waits q) {
                q.done().completeExceptionally(cause);
            }
        }
    }

    /**
     * Cluster mode: a rebuild loads the profiles of the customers with stored events in this partition, so a customer
     * whose events have all passed the retention, or whose profile came through the API first, is looked up in the
     * store when an event of theirs arrives. Only once while this instance owns the partition: from then on every
     * profile change of its customers passes through this session, so a customer the store did not know stays
     * unknown until the session hears otherwise (the set of such customers, 64-bit hashes of their ids, is dropped
     * at each rebuild and whenever it outgrows its bound, which costs lookups, never correctness).
     */
    private void loadUnknownProfiles(List<Work> turn) {
        Set<String> unknown = new java.util.HashSet<>();
        for (Work w : turn) {
            if (w instanceof Work.Event e) {
                String id = e.event().customerId();
                if (!absentProfiles.contains(StableHash.of(id))
                        && session.profile(id).equals(CustomerProfile.unknown(id))) {
                    unknown.add(id);
                }
            }
        }
        if (unknown.isEmpty()) {
            return;
        }
        for (CustomerProfile found : ctx.replay().profilesOf(unknown)) {
            session.putProfile(found);
            unknown.remove(found.customerId());
        }
        if (absentProfiles.size() + unknown.size() > MAX_ABSENT) {
            absentProfiles.clear();
        }
        unknown.forEach(id -> absentProfiles.add(StableHash.of(id)));
    }

    /**
     * The ids only the store can tell apart from new ones. Within the lateness tolerance the session remembers every
     * event id it saw, and a rebuild replays at least that window, so a repeat is caught there; an event older than
     * that would be judged late before the session looks at its id, so only those are looked up.
     */
    private List<String> olderThanTolerance(List<Work> turn, Instant now) {
        Instant limit = now.minus(ctx.options().latenessTolerance());
        List<String> ids = new ArrayList<>();
        for (Work w : turn) {
            if (w instanceof Work.Event e && e.event().occurredAt().isBefore(limit)) {
                ids.add(e.event().eventId());
            }
        }
        return ids;
    }

    /**
     * Rebuilds the session from the store: profiles first, then every stored event of the rules' window in the
     * order it was processed, turn by turn at the wall time of its turn, then the reading hours from the kept
     * deliveries, opens and clicks, then on to now. Waits that fell due meanwhile fire now; decisions already in the
     * outbox are recognised by their keys and not stored again.
     */
    /**
     * Rebuilds the session, trying again after a growing pause while the store cannot be read (a database restart),
     * so that a partition outlives the outage instead of its thread; false when the partition stops meanwhile (its
     * loop then ends too).
     */
    private boolean rebuildUntilDone() {
        long pauseMillis = REBUILD_FIRST_PAUSE_MILLIS;
        while (running) {
            try {
                rebuild();
                return true;
            } catch (RuntimeException e) {
                LOG.errorf(e, "Partition %d could not rebuild its session; it tries again in %d ms, its events wait "
                        + "unacknowledged meanwhile", index, pauseMillis);
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                pauseMillis = Math.min(pauseMillis * 2, REBUILD_LAST_PAUSE_MILLIS);
            }
        }
        return false;
    }

    private void rebuild() {
        if (session != null) {
            session.close();
        }
        batch.clear();
        absentProfiles.clear();
        long started = System.nanoTime();
        if (ctx.byQueue()) {
            ctx.sequence().accumulateAndGet(ctx.replay().maxSequence(), Math::max);
        }
        Instant now = ctx.clock().instant();
        Instant since = now.minus(replayWindow());
        session = new TriggerSession(rules.compiled(), ctx.options(), recorder, since, ctx.experiments());
        EventReplay.Selection mine = new EventReplay.Selection(index, ctx.partitions(), ctx.aliases(), ctx.byQueue());
        ctx.replay().profiles(mine).forEach(session::putProfile);
        replaying = true;
        session.learnFromEvents(false);
        PeriodPolicies periods = new PeriodPolicies(ctx.policies(), since, now, ctx.options().optimization());
        int[] replayed = {0};
        long replayStarted = System.nanoTime();
        ctx.replay().events(mine, since, stored -> {
            Instant turnAt = stored.turnAt != null ? stored.turnAt : stored.receivedAt;
            periods.applyAt(turnAt, session);
            session.advanceTo(turnAt);
            CustomerEvent event;
            try {
                event = EventCodec.decode(stored.body);
            } catch (InvalidEventException e) {
                LOG.errorf("Partition %d skips stored event %s in its replay: its body is no longer a readable "
                        + "event (%s)", index, stored.eventId, e.getMessage());
                return;
            }
            session.offer(event);
            replayed[0]++;
        });
        replaying = false;
        long replayMillis = (System.nanoTime() - replayStarted) / 1_000_000;
        session.learnFromEvents(true);
        periods.applyLatest(ctx.policy().get(), session);
        ctx.replay().readingFeedback(mine, now.minus(ctx.readingHistory()),
                e -> session.optimizer().record(e, session.profile(e.customerId())));
        session.advanceTo(now);
        if (batch.hasWrites()) {
            ctx.writer().commit(batch);
        }
        if (replayed[0] > 0 || !batch.sends.isEmpty()) {
            LOG.infof("Partition %d rebuilt from %d stored events in %d ms (replay %d ms): %d pending waits, %d "
                    + "decisions reached again or newly due", index, replayed[0],
                    (System.nanoTime() - started) / 1_000_000, replayMillis, session.pendingWaits(),
                    batch.sends.size());
        }
        batch.clear();
    }

    private Duration replayWindow() {
        Duration window = rules.compiled().longestWait().plus(rules.compiled().longestOncePer())
                .plus(ctx.options().latenessTolerance());
        return window.compareTo(ctx.retention()) < 0 ? window : ctx.retention();
    }

    /**
     * Records the first variant a customer got in a trigger's experiment (a null variant: its holdout); later ones are
     * the same by design.
     */
    private void assign(String ruleId, String customerId, String variant, Instant at) {
        TriggerSpec spec = rules.compiled().triggers().get(ruleId);
        if (spec == null) {
            return;
        }
        Assignment.Key key = new Assignment.Key(spec.experimentId(), customerId);
        String assigned = variant != null ? variant : spec.variants().stream().filter(Variant::holdout)
                .map(Variant::id).findFirst().orElse(null);
        if (assigned != null && !batch.assignments.containsKey(key)) {
            Assignment a = new Assignment();
            a.experimentId = key.experimentId();
            a.customerId = customerId;
            a.variant = assigned;
            a.assignedAt = at;
            batch.assignments.put(key, a);
        }
    }

    /** Collects what the session decides into the current batch. */
    private final class Recorder implements SessionListener {

        @Override
        public void onDecision(EmailDecision decision) {
            Instant decidedAt = session.now();
            batch.sends.put(decision.idempotencyKey(), Rows.send(decision, rules.version(), decidedAt));
            if (decision.variant() != null) {
                assign(decision.ruleId(), decision.customerId(), decision.variant(), decidedAt);
            }
            if (!replaying) {
                ctx.metrics().decision(decision.ruleId());
            }
        }

        @Override
        public void onSuppression(Suppression suppression) {
            var row = Rows.suppression(suppression);
            batch.suppressions.put(row.suppressionKey, row);
            if (suppression.reason() == SuppressionReason.HOLDOUT) {
                assign(suppression.ruleId(), suppression.customerId(), null, suppression.at());
            }
            if (!replaying) {
                ctx.metrics().suppression(row.ruleId, row.reason);
            }
        }
    }
}
