package dev.triggerforge.rules.session;

import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.model.profile.ProfileChange;
import dev.triggerforge.model.profile.ProfileUpdate;
import dev.triggerforge.model.ruleset.GuardrailSettings;
import dev.triggerforge.rules.compile.CompiledRuleSet;
import dev.triggerforge.rules.experiment.ExperimentGate;
import dev.triggerforge.rules.fact.Due;
import dev.triggerforge.rules.fact.EventFact;
import dev.triggerforge.rules.guardrail.Candidate;
import dev.triggerforge.rules.guardrail.Guardrails;
import dev.triggerforge.rules.guardrail.QuietHours;
import dev.triggerforge.rules.optimization.Optimizer;
import dev.triggerforge.rules.optimization.Policy;
import dev.triggerforge.rules.optimization.sendtime.EngagementHistogram;
import dev.triggerforge.rules.profile.ProfileBook;
import dev.triggerforge.rules.state.Wait;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.time.SessionPseudoClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Drools session in stream mode on a pseudo clock that only its owner moves: the simulator through event time,
 * the server to wall time. Single-threaded by design; a partition owns one. Waits are fired one instant at a time,
 * so sends are judged in time order however far the clock jumps.
 */
public final class TriggerSession implements AutoCloseable {

    private static final long SWEEP_MILLIS = Duration.ofHours(1).toMillis();

    private KieSession session;
    private SessionPseudoClock clock;
    private final TriggerRuntime runtime;
    private final Guardrails guardrails;
    private final ProfileBook profiles = new ProfileBook();
    private final Map<String, String> aliases = new HashMap<>();
    private final RecentEventIds recentIds;
    private final Optimizer optimizer;
    private boolean learning = true;
    private final SessionOptions options;
    private final SessionListener listener;
    private long nextSweep;

    public TriggerSession(CompiledRuleSet rules, SessionOptions options, SessionListener listener, Instant start) {
        this(rules, options, listener, start, ExperimentGate.ALL_RUNNING);
    }

    /** A session whose experiments assign variants only while {@code experiments} says so. */
    public TriggerSession(CompiledRuleSet rules, SessionOptions options, SessionListener listener, Instant start,
                          ExperimentGate experiments) {
        this.session = newKieSession(rules);
        this.clock = session.getSessionClock();
        this.options = options;
        this.listener = listener;
        this.recentIds = new RecentEventIds(options.latenessTolerance().toMillis());
        // past sends are remembered at least as long as the longest once-per window needs them
        long ledgerRetention = Math.max(options.ledgerRetention().toMillis(), rules.longestOncePer().toMillis());
        this.guardrails = new Guardrails(rules.ruleSet().guardrails(), ledgerRetention);
        QuietHours quiet = new QuietHours(rules.ruleSet().guardrails().quietStart(),
                rules.ruleSet().guardrails().quietEnd());
        this.optimizer = new Optimizer(options.optimization(), start);
        this.runtime = new TriggerRuntime(rules.triggers(), quiet, options, clock, new Hooks(), experiments,
                optimizer);
        session.setGlobal("rt", runtime);
        clock.advanceTime(start.toEpochMilli(), TimeUnit.MILLISECONDS);
        this.nextSweep = start.toEpochMilli() + SWEEP_MILLIS;
    }

    /**
     * Hot swap: from now on the session runs {@code next}. Carts, streaks, profiles, the guardrail ledger and the
     * memory of seen event ids carry over; waits go on with their due times under the new version, except those of
     * triggers it no longer has (and, with {@code cancelChanged}, of triggers whose spec changed), which are
     * cancelled. Returns how many waits were cancelled. Call it between events, from the session's own thread.
     */
    public int swapRules(CompiledRuleSet next, boolean cancelChanged) {
        long now = clock.getCurrentTime();
        KieSession fresh = newKieSession(next);
        SessionPseudoClock freshClock = fresh.getSessionClock();
        freshClock.advanceTime(now, TimeUnit.MILLISECONDS);
        GuardrailSettings settings = next.ruleSet().guardrails();
        int cancelled = runtime.rebind(next.triggers(), new QuietHours(settings.quietStart(), settings.quietEnd()),
                freshClock, cancelChanged);
        long ledgerRetention = Math.max(options.ledgerRetention().toMillis(), next.longestOncePer().toMillis());
        guardrails.update(settings, ledgerRetention);
        fresh.setGlobal("rt", runtime);
        KieSession old = session;
        session = fresh;
        clock = freshClock;
        old.dispose();
        return cancelled;
    }

    private static KieSession newKieSession(CompiledRuleSet rules) {
        KieSessionConfiguration conf = KieServices.Factory.get().newKieSessionConfiguration();
        conf.setOption(ClockTypeOption.PSEUDO);
        return rules.kieBase().newKieSession(conf, null);
    }

    public Instant now() {
        return Instant.ofEpochMilli(clock.getCurrentTime());
    }

    /**
     * Moves the clock forward to {@code target}, firing every wait that falls on the way at its own instant and
     * judging the sends it asks for. A target in the past changes nothing.
     */
    public void advanceTo(Instant target) {
        long to = target.toEpochMilli();
        for (long next = runtime.nextDueAt(); next <= to; next = runtime.nextDueAt()) {
            moveClockTo(next);
            fireDue(next);
        }
        moveClockTo(to);
        housekeeping();
    }

    /**
     * Lets the rules react to an event at its own time (never ahead of the clock). A repeated id is ignored; an
     * event further behind the clock than the lateness tolerance is reported and does not trigger. A wait the event
     * starts that is already due (the event arrived late) fires on the next {@link #advanceTo}, so events that
     * arrive together, such as a phone's offline backlog, all count before it is judged.
     */
    public Offer offer(CustomerEvent received) {
        CustomerEvent event = underKnownIdentity(received);
        long now = clock.getCurrentTime();
        long occurred = event.occurredAt().toEpochMilli();
        if (now - occurred > options.latenessTolerance().toMillis()) {
            profiles.apply(event);
            identify(event);
            learn(event);
            listener.onLateEvent(event, Duration.ofMillis(now - occurred));
            return Offer.LATE;
        }
        if (!recentIds.add(event.eventId(), occurred)) {
            listener.onDuplicateEvent(event);
            return Offer.DUPLICATE;
        }
        profiles.apply(event);
        identify(event);
        learn(event);
        long at = Math.min(occurred, now);
        runtime.applyToCart(event, at);
        FactHandle handle = session.insert(new EventFact(event, at));
        session.fireAllRules();
        session.delete(handle);
        judge(runtime.drainReady());
        runtime.forgetIfEmpty(event.customerId());
        return Offer.ACCEPTED;
    }

    /** Decides adaptive variants and send times with {@code policy} from now on; call it between events. */
    public void usePolicy(Policy policy) {
        optimizer.use(policy);
    }

    /**
     * Whether offered events teach the optimizer. A server turns it off while it replays stored events, because it
     * rebuilds the reading hours from the longer-kept feedback instead, and would count the replayed ones twice.
     */
    public void learnFromEvents(boolean on) {
        this.learning = on;
    }

    /** What this session has learned about its customers' reading hours, and the policy it decides with. */
    public Optimizer optimizer() {
        return optimizer;
    }

    private void learn(CustomerEvent event) {
        if (learning && EngagementHistogram.isReading(event.type())) {
            optimizer.record(event, profiles.get(event.customerId()));
        }
    }

    public void putProfile(CustomerProfile profile) {
        profiles.put(profile);
    }

    /**
     * The customer an {@code identify} event names takes over the anonymous visitor's state here: profile
     * observations, cart and waits in flight; the visitor's later events count as the customer's. A visitor whose
     * state lives in another partition's session must be handed over first ({@link #release}, {@link #adopt}).
     */
    private void identify(CustomerEvent event) {
        String visitor = event.identifiedVisitor();
        if (visitor == null || visitor.equals(event.customerId()) || aliases.putIfAbsent(visitor,
                event.customerId()) != null) {
            return;
        }
        profiles.mergeCustomer(visitor, event.customerId());
        runtime.merge(visitor, event.customerId(), event.eventId());
    }

    private CustomerEvent underKnownIdentity(CustomerEvent event) {
        String customer = aliases.get(event.customerId());
        return customer == null ? event
                : CustomerEvent.of(event.eventId(), customer, event.type(), event.occurredAt(), event.properties());
    }

    /** Hands a customer's state (profile, cart, waits) out of this session, for {@link #adopt} by another. */
    public CustomerHandover release(String customerId) {
        return new CustomerHandover(customerId, profiles.remove(customerId), runtime.release(customerId));
    }

    /** Takes in a customer handed out by another session's {@link #release}; its waits keep their due times. */
    public void adopt(CustomerHandover handover) {
        if (!handover.profile().lastKnown().isEmpty() || handover.profile().email() != null) {
            profiles.put(handover.profile());
        }
        runtime.adopt(handover.customerId(), handover.state());
    }

    /** Merges what a source states about a customer, newest observation winning; call it from the session's thread. */
    public ProfileChange mergeProfile(ProfileUpdate update) {
        return profiles.merge(update);
    }

    public CustomerProfile profile(String customerId) {
        return profiles.get(customerId);
    }

    /** When the next pending wait fires, epoch ms, or {@code Long.MAX_VALUE} when none is pending. */
    public long nextWaitAt() {
        return runtime.nextDueAt();
    }

    /** Waits started and not yet over. */
    /** The customer's waits that have not fired yet, earliest first, with why they fire when they do. */
    public List<PendingWait> pendingWaits(String customerId) {
        return runtime.pendingOf(aliases.getOrDefault(customerId, customerId));
    }

    public long pendingWaits() {
        return runtime.pendingWaits();
    }

    /** Customers the session holds state for (a cart, a streak or a wait). */
    public int customersWithState() {
        return runtime.customersWithState();
    }

    /** Facts held by the Drools session between events: none, by design. */
    public long factCount() {
        return session.getFactCount();
    }

    private void fireDue(long at) {
        List<Due> dues = runtime.takeDue(at);
        if (dues.isEmpty()) {
            return;
        }
        List<FactHandle> handles = new ArrayList<>(dues.size());
        for (Due d : dues) {
            handles.add(session.insert(d));
        }
        session.fireAllRules();
        handles.forEach(session::delete);
        dues.forEach(runtime::dueDone);
        judge(runtime.drainReady());
    }

    private void judge(List<Candidate> candidates) {
        if (!candidates.isEmpty()) {
            guardrails.judge(candidates, profiles::get, listener);
        }
    }

    private void moveClockTo(long to) {
        long now = clock.getCurrentTime();
        if (to > now) {
            clock.advanceTime(to - now, TimeUnit.MILLISECONDS);
        }
    }

    private void housekeeping() {
        long now = clock.getCurrentTime();
        recentIds.sweep(now);
        if (now >= nextSweep) {
            guardrails.sweep(now);
            runtime.sweep(now);
            nextSweep = now + SWEEP_MILLIS;
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
            trace(WaitTrace.Kind.STARTED, w, w.getEntryEventId());
        }

        @Override
        public void waitRestarted(Wait w, String eventId) {
            trace(WaitTrace.Kind.RESTARTED, w, eventId);
        }

        @Override
        public void waitCancelled(Wait w, String eventId) {
            trace(WaitTrace.Kind.CANCELLED, w, eventId);
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
