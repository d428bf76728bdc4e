package dev.triggerforge.rules.session;

import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.rules.compile.CompiledRuleSet;
import dev.triggerforge.rules.fact.EventFact;
import dev.triggerforge.rules.fact.Wait;
import dev.triggerforge.rules.guardrail.Candidate;
import dev.triggerforge.rules.guardrail.Guardrails;
import dev.triggerforge.rules.guardrail.QuietHours;
import dev.triggerforge.rules.profile.ProfileBook;
import org.drools.core.common.InternalWorkingMemory;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.time.SessionPseudoClock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Drools session in stream mode on a pseudo clock that only its owner moves: the simulator through event time,
 * the server to wall time. It is single-threaded by design; a partition owns one. Timers are fired one instant at a
 * time, so sends are judged in time order however far the clock jumps.
 */
public final class TriggerSession implements AutoCloseable {

    private static final long GUARDRAIL_SWEEP_MILLIS = Duration.ofHours(1).toMillis();

    private final KieSession session;
    private final InternalWorkingMemory memory;
    private final SessionPseudoClock clock;
    private final TriggerRuntime runtime;
    private final Guardrails guardrails;
    private final ProfileBook profiles = new ProfileBook();
    private final RecentEventIds recentIds;
    private final SessionOptions options;
    private final SessionListener listener;
    private long pendingWaits;
    private long nextGuardrailSweep;

    public TriggerSession(CompiledRuleSet rules, SessionOptions options, SessionListener listener, Instant start) {
        KieSessionConfiguration conf = KieServices.Factory.get().newKieSessionConfiguration();
        conf.setOption(ClockTypeOption.PSEUDO);
        this.session = rules.kieBase().newKieSession(conf, null);
        this.memory = (InternalWorkingMemory) session;
        this.clock = session.getSessionClock();
        this.options = options;
        this.listener = listener;
        this.recentIds = new RecentEventIds(options.latenessTolerance().toMillis());
        this.guardrails = new Guardrails(rules.ruleSet().guardrails(), options.ledgerRetention().toMillis());
        QuietHours quiet = new QuietHours(rules.ruleSet().guardrails().quietStart(), rules.ruleSet().guardrails().quietEnd());
        this.runtime = new TriggerRuntime(rules.triggers(), quiet, options, clock, new Hooks());
        session.setGlobal("rt", runtime);
        clock.advanceTime(start.toEpochMilli(), TimeUnit.MILLISECONDS);
        this.nextGuardrailSweep = start.toEpochMilli() + GUARDRAIL_SWEEP_MILLIS;
    }

    public Instant now() {
        return Instant.ofEpochMilli(clock.getCurrentTime());
    }

    /**
     * Moves the clock forward to {@code target}, firing every timer that falls on the way at its own instant and
     * judging the sends it asks for. A target in the past changes nothing.
     */
    public void advanceTo(Instant target) {
        long to = target.toEpochMilli();
        while (true) {
            long untilNext = memory.getTimeToNextJob();
            long now = clock.getCurrentTime();
            if (untilNext < 0 || now + untilNext > to) {
                break;
            }
            clock.advanceTime(untilNext, TimeUnit.MILLISECONDS);
            fire();
        }
        long now = clock.getCurrentTime();
        if (to > now) {
            clock.advanceTime(to - now, TimeUnit.MILLISECONDS);
            fire();
        }
        housekeeping();
    }

    /**
     * Lets the rules react to an event at its own time (never ahead of the clock). A repeated id is ignored; an
     * event further behind the clock than the lateness tolerance is reported and does not trigger.
     */
    public Offer offer(CustomerEvent event) {
        long now = clock.getCurrentTime();
        long occurred = event.occurredAt().toEpochMilli();
        if (now - occurred > options.latenessTolerance().toMillis()) {
            profiles.apply(event);
            listener.onLateEvent(event, Duration.ofMillis(now - occurred));
            return Offer.LATE;
        }
        if (!recentIds.add(event.eventId(), occurred)) {
            listener.onDuplicateEvent(event);
            return Offer.DUPLICATE;
        }
        profiles.apply(event);
        FactHandle handle = session.insert(new EventFact(event, Math.min(occurred, now)));
        fire();
        session.delete(handle);
        return Offer.ACCEPTED;
    }

    public void putProfile(CustomerProfile profile) {
        profiles.put(profile);
    }

    public CustomerProfile profile(String customerId) {
        return profiles.get(customerId);
    }

    /** Waits started and not yet over. */
    public long pendingWaits() {
        return pendingWaits;
    }

    /** Facts held by the Drools session (carts, streaks, waits). */
    public long factCount() {
        return session.getFactCount();
    }

    private void fire() {
        session.fireAllRules();
        List<Candidate> ready = runtime.drainReady();
        if (!ready.isEmpty()) {
            guardrails.judge(ready, profiles::get, listener);
        }
    }

    private void housekeeping() {
        long now = clock.getCurrentTime();
        recentIds.sweep(now);
        if (now >= nextGuardrailSweep) {
            guardrails.sweep(now);
            nextGuardrailSweep = now + GUARDRAIL_SWEEP_MILLIS;
        }
    }

    @Override
    public void close() {
        session.dispose();
    }

    private final class Hooks implements SessionHooks {

        @Override
        public CustomerProfile profile(String customerId) {
            return profiles.get(customerId);
        }

        @Override
        public void waitStarted(Wait w) {
            pendingWaits++;
            trace(WaitTrace.Kind.STARTED, w, w.getEntryEventId());
        }

        @Override
        public void waitRestarted(Wait w, String eventId) {
            trace(WaitTrace.Kind.RESTARTED, w, eventId);
        }

        @Override
        public void waitCancelled(Wait w, String eventId) {
            pendingWaits--;
            trace(WaitTrace.Kind.CANCELLED, w, eventId);
        }

        @Override
        public void waitOver(Wait w) {
            pendingWaits--;
        }

        @Override
        public void waitLapsed(Wait w) {
            trace(WaitTrace.Kind.LAPSED, w, null);
        }

        private void trace(WaitTrace.Kind kind, Wait w, String eventId) {
            listener.onWait(new WaitTrace(kind, w.getTriggerId(), w.getCustomerId(), w.getSubject(),
                    Instant.ofEpochMilli(clock.getCurrentTime()), eventId));
        }
    }
}
