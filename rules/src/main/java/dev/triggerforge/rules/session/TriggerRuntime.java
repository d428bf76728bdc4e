package dev.triggerforge.rules.session;

import dev.triggerforge.model.decision.Explanation;
import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.event.EventType;
import dev.triggerforge.model.trigger.Subject;
import dev.triggerforge.model.trigger.TriggerSpec;
import dev.triggerforge.model.trigger.Variant;
import dev.triggerforge.rules.experiment.ExperimentGate;
import dev.triggerforge.rules.experiment.VariantPicker;
import dev.triggerforge.rules.fact.Due;
import dev.triggerforge.rules.fact.EventFact;
import dev.triggerforge.rules.guardrail.Candidate;
import dev.triggerforge.rules.guardrail.QuietHours;
import dev.triggerforge.rules.optimization.Optimizer;
import dev.triggerforge.rules.optimization.sendtime.SendTimeChoice;
import dev.triggerforge.rules.personalization.Personalizer;
import dev.triggerforge.rules.state.Cart;
import dev.triggerforge.rules.state.CustomerState;
import dev.triggerforge.rules.state.Streak;
import dev.triggerforge.rules.state.Subjects;
import dev.triggerforge.rules.state.Wait;
import dev.triggerforge.rules.state.WaitQueue;
import org.kie.api.time.SessionClock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code rt} global of every rule set: rules decide which trigger an event starts, restarts or cancels, and this
 * runtime keeps the per-customer state that decision acts on (carts, streaks, waits) and the queue of waits by
 * fire time. Nothing here outlives an event inside Drools, so a rule set can be swapped without losing a wait.
 */
public final class TriggerRuntime {

    private Map<String, TriggerSpec> triggers;
    private QuietHours quietHours;
    private final SessionOptions options;
    private SessionClock clock;
    private final SessionHooks hooks;
    private final ExperimentGate experiments;
    private final Optimizer optimizer;
    private final Map<String, CustomerState> states = new HashMap<>();
    private final WaitQueue queue = new WaitQueue();
    private final List<Candidate> ready = new ArrayList<>();
    private long pendingWaits;

    TriggerRuntime(Map<String, TriggerSpec> triggers, QuietHours quietHours, SessionOptions options,
                   SessionClock clock, SessionHooks hooks, ExperimentGate experiments, Optimizer optimizer) {
        this.triggers = triggers;
        this.quietHours = quietHours;
        this.options = options;
        this.clock = clock;
        this.hooks = hooks;
        this.experiments = experiments;
        this.optimizer = optimizer;
    }

    public long now() {
        return clock.getCurrentTime();
    }

    /**
     * Moves the runtime to a new rule-set version: new trigger specs, quiet hours and session clock. Waits of
     * triggers the new version no longer has are cancelled, and with {@code cancelChanged} so are waits of triggers
     * whose spec changed; every other wait goes on with its due time under the new version. Returns how many waits
     * were cancelled.
     */
    int rebind(Map<String, TriggerSpec> newTriggers, QuietHours newQuietHours, SessionClock newClock,
               boolean cancelChanged) {
        int cancelled = 0;
        for (CustomerState state : states.values()) {
            for (Wait w : state.allWaits()) {
                TriggerSpec before = triggers.get(w.getTriggerId());
                TriggerSpec after = newTriggers.get(w.getTriggerId());
                boolean gone = before != null && after == null;
                boolean changed = before != null && after != null && !before.equals(after);
                if (gone || (cancelChanged && changed)) {
                    end(state, w);
                    hooks.waitCancelled(w, null);
                    cancelled++;
                }
            }
        }
        this.triggers = newTriggers;
        this.quietHours = newQuietHours;
        this.clock = newClock;
        return cancelled;
    }

    /** Rule action: the event is an entry event of the trigger (its conditions held). */
    public void start(String triggerId, EventFact e) {
        TriggerSpec spec = spec(triggerId);
        CustomerState state = state(e.getCustomerId());
        String subject = subjectOf(spec.subject(), e, state);
        if (subject == null) {
            return;
        }
        if (spec.repeat() == null) {
            if (state.wait(triggerId, subject) == null) {
                begin(spec, state, subject, e.getEvent(), List.of(e.getEventId()), e.getTimestamp());
            }
            return;
        }
        Streak streak = state.streak(triggerId, subject, () -> new Streak(triggerId, subject,
                spec.repeat().count(), spec.repeat().within().toMillis()));
        streak.record(e.getEvent(), e.getTimestamp(), now());
        if (streak.isComplete()) {
            List<String> causes = streak.getEventIds();
            CustomerEvent latest = streak.getLatest();
            long startedAt = streak.getLatestAt();
            state.removeStreak(streak);
            if (state.wait(triggerId, subject) == null) {
                begin(spec, state, subject, latest, causes, startedAt);
            }
        }
    }

    /** Rule action: the event restarts the trigger's waits that it concerns. */
    public void restart(String triggerId, EventFact e) {
        TriggerSpec spec = spec(triggerId);
        for (Wait w : state(e.getCustomerId()).waitsOf(triggerId)) {
            if (concerns(spec.subject(), w, e) && w.restart(e.getEventId(), e.getTimestamp(), now())) {
                queue.schedule(w);
                hooks.waitRestarted(w, e.getEventId());
            }
        }
    }

    /** Rule action: the event cancels the trigger's waits that it concerns and that started before it. */
    public void cancel(String triggerId, EventFact e) {
        TriggerSpec spec = spec(triggerId);
        CustomerState state = state(e.getCustomerId());
        for (Wait w : state.waitsOf(triggerId)) {
            if (concerns(spec.subject(), w, e) && w.getStartedAt() <= e.getTimestamp()) {
                end(state, w);
                hooks.waitCancelled(w, e.getEventId());
            }
        }
    }

    /** Rule action for a DRL-only trigger: starts a wait of its own duration unless one is pending. */
    public void startWait(String ruleId, EventFact e, String subject, long waitMillis) {
        CustomerState state = state(e.getCustomerId());
        if (state.wait(ruleId, subject) == null) {
            add(state, new Wait(ruleId, e.getCustomerId(), subject, null, waitMillis, e.getEventId(),
                    List.of(e.getEventId()), Map.of(), e.getTimestamp(), now()));
        }
    }

    /** Rule action: asks for the send of a generated trigger whose wait is over. */
    public void send(Due d) {
        d.markHandled();
        Wait w = d.getWait();
        TriggerSpec spec = spec(w.getTriggerId());
        Variant variant = spec.variants().stream().filter(v -> v.id().equals(w.getVariant())).findFirst().orElse(null);
        Map<String, Object> vars = withParameters(spec, variant, spec.subject() == Subject.CART
                ? Personalizer.cart(state(w.getCustomerId()).cart())
                : w.getSubjectVariables());
        String template = variant != null && variant.templateId() != null ? variant.templateId() : spec.templateId();
        String key = spec.id() + "|" + w.getCustomerId() + "|" + w.getSubject()
                + (spec.oncePer() != null ? "|" + w.getEntryEventId() : "");
        ready.add(new Candidate(spec.id(), w.getCustomerId(), w.getSubject(), key, spec.priority(), template,
                w.getVariant(), variant != null && variant.holdout(),
                !Boolean.FALSE.equals(spec.guardrails().frequencyCap()),
                spec.oncePer() == null ? 0 : spec.oncePer().toMillis(), now(), vars, spec.requires(),
                w.getCausedBy(), w.getExplanation()));
    }

    /** Rule action for the due wait of a DRL-only trigger: sends for the wait's customer and subject. */
    public void send(Due d, String templateId, int priority, Map<String, Object> variables, List<String> required) {
        d.markHandled();
        Wait w = d.getWait();
        send(w.getTriggerId(), w.getCustomerId(), w.getSubject(), templateId, priority, variables, required,
                w.getCausedBy());
    }

    /** Rule action for a DRL-only rule: guardrails still apply; the key is the rule, customer and subject. */
    public void send(String ruleId, String customerId, String subject, String templateId, int priority,
                     Map<String, Object> variables, List<String> required, List<String> causedBy) {
        ready.add(new Candidate(ruleId, customerId, subject, ruleId + "|" + customerId + "|" + subject, priority,
                templateId, null, false, true, 0, now(), variables, required, causedBy));
    }

    /** Keeps the customer's cart in step with a cart or purchase event, before any rule sees it. */
    void applyToCart(CustomerEvent event, long at) {
        EventType type = event.type();
        if (type.equals(EventType.CART_ADD) || type.equals(EventType.CART_REMOVE)) {
            CustomerState state = state(event.customerId());
            if (state.cart() == null && type.equals(EventType.CART_ADD)) {
                state.openCart(new Cart(event.eventId(), at));
            }
            if (state.cart() != null) {
                state.cart().apply(event, at, Math.max(at + options.cartRetention().toMillis(), now()));
            }
        } else if (type.equals(EventType.PURCHASE)) {
            CustomerState state = states.get(event.customerId());
            if (state != null && state.cart() != null && state.cart().getOpenedAt() <= at) {
                state.closeCart();
            }
        }
    }

    long nextDueAt() {
        return queue.nextAt();
    }

    /**
     * The waits due at {@code at} as facts for one firing. A wait whose time falls in its customer's quiet hours is
     * re-timed to their end instead.
     */
    List<Due> takeDue(long at) {
        List<Due> dues = new ArrayList<>();
        for (Wait w : queue.takeDueAt(at)) {
            if (waitsForBestTime(w, at)) {
                queue.schedule(w);
                continue;
            }
            long quietUntil = quietUntil(w, at);
            if (quietUntil > at) {
                w.deferTo(quietUntil);
                queue.schedule(w);
                continue;
            }
            CustomerState state = state(w.getCustomerId());
            end(state, w);
            dues.add(new Due(w, subjectAlive(w, state)));
        }
        return dues;
    }

    void dueDone(Due d) {
        if (!d.isHandled()) {
            hooks.waitLapsed(d.getWait());
        }
        forgetIfEmpty(d.getCustomerId());
    }

    List<Candidate> drainReady() {
        if (ready.isEmpty()) {
            return List.of();
        }
        List<Candidate> out = new ArrayList<>(ready);
        ready.clear();
        return out;
    }

    void forgetIfEmpty(String customerId) {
        CustomerState state = states.get(customerId);
        if (state != null && state.isEmpty()) {
            states.remove(customerId);
        }
    }

    /** Forgets idle carts and old streaks, and customers with nothing left. */
    void sweep(long now) {
        states.values().removeIf(s -> {
            s.sweep(now);
            return s.isEmpty();
        });
    }

    /** The customer's waits that have not fired, earliest first. */
    List<PendingWait> pendingOf(String customerId) {
        CustomerState state = states.get(customerId);
        if (state == null) {
            return List.of();
        }
        return state.allWaits().stream().sorted(Comparator.comparingLong(Wait::getFireAt))
                .map(w -> new PendingWait(w.getTriggerId(), w.getSubject(), w.getVariant(),
                        Instant.ofEpochMilli(w.getDueAt()), Instant.ofEpochMilli(w.getFireAt()),
                        w.getExplanation().isEmpty() ? null : w.getExplanation()))
                .toList();
    }

    long pendingWaits() {
        return pendingWaits;
    }

    int customersWithState() {
        return states.size();
    }

    private void begin(TriggerSpec spec, CustomerState state, String subject, CustomerEvent entry,
                       List<String> causes, long startedAt) {
        Variant variant = null;
        Explanation why = Explanation.NONE;
        if (experiments.assigns(spec.experimentId()) && spec.isAdaptive()) {
            Optimizer.Choice choice = optimizer.allocate(spec, hooks.profile(entry.customerId()), now());
            variant = choice.variant();
            why = choice.explanation();
        } else if (experiments.assigns(spec.experimentId())) {
            variant = VariantPicker.pick(spec.experimentId(), entry.customerId(), spec.variants());
        }
        Duration wait = variant != null && variant.waitDuration() != null ? variant.waitDuration() : spec.waitDuration();
        Map<String, Object> subjectVariables = switch (spec.subject()) {
            case PRODUCT -> Personalizer.product(entry);
            case ORDER -> Personalizer.order(entry);
            case CART, CUSTOMER -> Map.of();
        };
        Wait w = new Wait(spec.id(), entry.customerId(), subject, variant == null ? null : variant.id(),
                wait.toMillis(), entry.eventId(), causes, subjectVariables, startedAt, now());
        w.explain(why);
        add(state, w);
    }

    /**
     * For a trigger that sends at the customer's best time: the first time the wait falls due, chooses the moment
     * within the trigger's window and, when it is later, keeps the wait until then. Returns whether it waits on.
     */
    private boolean waitsForBestTime(Wait w, long at) {
        TriggerSpec spec = triggers.get(w.getTriggerId());
        if (spec == null || spec.bestTimeWithin() == null || w.isTimed()) {
            return false;
        }
        QuietHours quiet = Boolean.FALSE.equals(spec.guardrails().quietHours())
                ? new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT) : quietHours;
        SendTimeChoice choice = optimizer.bestTime(hooks.profile(w.getCustomerId()), at, spec.bestTimeWithin(), quiet);
        w.timeTo(choice.at().toEpochMilli(), w.getExplanation().withSendTime(Instant.ofEpochMilli(at),
                choice.probability(), choice.reason()));
        return w.getFireAt() > at;
    }

    /**
     * Moves everything the runtime knows about {@code from} (an anonymous visitor) to {@code to}, the customer they
     * turned out to be. The visitor's cart becomes the customer's unless the customer has a cart with items already;
     * the visitor's waits go on for the customer with their due times, except a cart wait whose cart was not taken
     * and a wait the customer already has for the same trigger and subject, which are cancelled.
     */
    void merge(String from, String to, String causeId) {
        CustomerState visitor = states.remove(from);
        if (visitor == null) {
            return;
        }
        CustomerState customer = state(to);
        Cart cart = visitor.cart();
        boolean takeCart = cart != null && !cart.isEmpty()
                && (customer.cart() == null || customer.cart().isEmpty());
        if (takeCart) {
            customer.openCart(cart);
        }
        for (Wait w : new ArrayList<>(visitor.allWaits())) {
            end(visitor, w);
            TriggerSpec spec = spec(w.getTriggerId());
            boolean cartWait = spec != null && spec.subject() == Subject.CART;
            if ((cartWait && !takeCart) || customer.wait(w.getTriggerId(), w.getSubject()) != null) {
                hooks.waitCancelled(w, causeId);
            } else {
                add(customer, w.movedTo(to, now()));
            }
        }
    }

    /** Takes a customer's state out of this runtime, to be adopted by the session of another partition. */
    CustomerState release(String customerId) {
        CustomerState released = states.remove(customerId);
        if (released == null) {
            return new CustomerState();
        }
        CustomerState copy = new CustomerState();
        copy.openCart(released.cart());
        for (Wait w : new ArrayList<>(released.allWaits())) {
            end(released, w);
            copy.addWait(w.movedTo(customerId, now()));
        }
        return copy;
    }

    /** Takes in a customer's state released by another session; its waits are scheduled here. */
    void adopt(String customerId, CustomerState released) {
        CustomerState target = state(customerId);
        if (released.cart() != null && target.cart() == null) {
            target.openCart(released.cart());
        }
        for (Wait w : released.allWaits()) {
            if (target.wait(w.getTriggerId(), w.getSubject()) == null) {
                add(target, w.movedTo(customerId, now()));
            }
        }
    }

    /** The trigger's parameters, then the variant's over them, then the personalization values over both. */
    private static Map<String, Object> withParameters(TriggerSpec spec, Variant variant, Map<String, Object> vars) {
        boolean variantHasSome = variant != null && !variant.parameters().isEmpty();
        if (spec.parameters().isEmpty() && !variantHasSome) {
            return vars;
        }
        Map<String, Object> merged = new LinkedHashMap<>(spec.parameters());
        if (variantHasSome) {
            merged.putAll(variant.parameters());
        }
        merged.putAll(vars);
        return merged;
    }

    private void add(CustomerState state, Wait w) {
        state.addWait(w);
        queue.schedule(w);
        pendingWaits++;
        hooks.waitStarted(w);
    }

    private void end(CustomerState state, Wait w) {
        w.end();
        state.removeWait(w);
        pendingWaits--;
    }

    private long quietUntil(Wait w, long at) {
        TriggerSpec spec = triggers.get(w.getTriggerId());
        if (spec != null && Boolean.FALSE.equals(spec.guardrails().quietHours())) {
            return 0;
        }
        return quietHours.nextAllowed(at, hooks.profile(w.getCustomerId()).zone());
    }

    private boolean subjectAlive(Wait w, CustomerState state) {
        TriggerSpec spec = triggers.get(w.getTriggerId());
        if (spec == null || spec.subject() != Subject.CART) {
            return true;
        }
        Cart cart = state.cart();
        return cart != null && cart.getSubject().equals(w.getSubject()) && !cart.isEmpty();
    }

    private static String subjectOf(Subject subject, EventFact e, CustomerState state) {
        return switch (subject) {
            case CART -> state.cart() == null ? null : state.cart().getSubject();
            case PRODUCT -> e.getSku() == null ? null : Subjects.product(e.getSku());
            case ORDER -> e.getOrderId() == null ? null : Subjects.order(e.getOrderId());
            case CUSTOMER -> Subjects.CUSTOMER;
        };
    }

    /** Whether an event that restarts or cancels is about the wait's subject. */
    private static boolean concerns(Subject subject, Wait w, EventFact e) {
        return switch (subject) {
            case PRODUCT -> e.getSkus().stream().anyMatch(w::isAbout);
            case ORDER -> w.isAbout(e.getOrderId());
            case CART, CUSTOMER -> true;
        };
    }

    private CustomerState state(String customerId) {
        return states.computeIfAbsent(customerId, id -> new CustomerState());
    }

    private TriggerSpec spec(String triggerId) {
        TriggerSpec spec = triggers.get(triggerId);
        if (spec == null) {
            throw new IllegalArgumentException("no trigger spec '" + triggerId + "' in this rule set");
        }
        return spec;
    }
}
