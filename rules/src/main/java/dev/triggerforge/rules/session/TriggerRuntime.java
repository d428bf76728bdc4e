package dev.triggerforge.rules.session;

import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.trigger.TriggerSpec;
import dev.triggerforge.model.trigger.Variant;
import dev.triggerforge.rules.experiment.VariantPicker;
import dev.triggerforge.rules.fact.Cart;
import dev.triggerforge.rules.fact.Due;
import dev.triggerforge.rules.fact.EventFact;
import dev.triggerforge.rules.fact.Streak;
import dev.triggerforge.rules.fact.Wait;
import dev.triggerforge.rules.guardrail.Candidate;
import dev.triggerforge.rules.guardrail.QuietHours;
import dev.triggerforge.rules.personalization.Personalizer;
import org.kie.api.time.SessionClock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code rt} global of every rule set: the small API through which DRL (generated or hand-written) starts waits,
 * reads the clock and asks for sends. Keeping this logic in Java keeps the rules short and their cost flat.
 */
public final class TriggerRuntime {

    private final Map<String, TriggerSpec> triggers;
    private final QuietHours quietHours;
    private final SessionOptions options;
    private final SessionClock clock;
    private final SessionHooks hooks;
    private final List<Candidate> ready = new ArrayList<>();

    TriggerRuntime(Map<String, TriggerSpec> triggers, QuietHours quietHours, SessionOptions options,
                   SessionClock clock, SessionHooks hooks) {
        this.triggers = triggers;
        this.quietHours = quietHours;
        this.options = options;
        this.clock = clock;
        this.hooks = hooks;
    }

    public long now() {
        return clock.getCurrentTime();
    }

    public Cart openCart(EventFact e) {
        return new Cart(e.getCustomerId(), e.getEventId(), e.getTimestamp());
    }

    public long cartRetainUntil(EventFact e) {
        return Math.max(e.getTimestamp() + options.cartRetention().toMillis(), now());
    }

    /** An empty streak for a trigger with a repeated entry event. */
    public Streak streak(String triggerId, EventFact e, String subject) {
        TriggerSpec spec = spec(triggerId);
        return new Streak(triggerId, e.getCustomerId(), subject, spec.repeat().count(),
                spec.repeat().within().toMillis());
    }

    /** Starts a trigger's wait from its entry event. */
    public Wait startWait(String triggerId, EventFact e, String subject) {
        return newWait(spec(triggerId), e.getCustomerId(), subject, e.getEvent(), List.of(e.getEventId()),
                e.getTimestamp());
    }

    /** Starts a trigger's wait from a completed streak, caused by all of its occurrences. */
    public Wait startWait(String triggerId, Streak s) {
        return newWait(spec(triggerId), s.getCustomerId(), s.getSubject(), s.getLatest(), s.getEventIds(),
                s.getLatestAt());
    }

    /** Starts a wait for a trigger written in DRL only, with its own duration. */
    public Wait startWait(String ruleId, EventFact e, String subject, long waitMillis) {
        Wait w = new Wait(ruleId, e.getCustomerId(), subject, null, waitMillis, e.getEvent(),
                List.of(e.getEventId()), e.getTimestamp(), now());
        hooks.waitStarted(w);
        return w;
    }

    private Wait newWait(TriggerSpec spec, String customerId, String subject,
                         CustomerEvent entry, List<String> causes, long startedAt) {
        Variant variant = VariantPicker.pick(spec.id(), customerId, spec.variants());
        Duration wait = variant != null && variant.waitDuration() != null ? variant.waitDuration() : spec.waitDuration();
        Wait w = new Wait(spec.id(), customerId, subject, variant == null ? null : variant.id(), wait.toMillis(),
                entry, causes, startedAt, now());
        hooks.waitStarted(w);
        return w;
    }

    public void restarted(Wait w, EventFact e) {
        hooks.waitRestarted(w, e.getEventId());
    }

    public void cancelled(Wait w, EventFact e) {
        hooks.waitCancelled(w, e.getEventId());
    }

    /** When quiet hours for the wait's customer end, or 0 when the wait may fire now. */
    public long quietUntil(Wait w) {
        TriggerSpec spec = triggers.get(w.getTriggerId());
        if (spec != null && Boolean.FALSE.equals(spec.guardrails().quietHours())) {
            return 0;
        }
        long now = now();
        long allowed = quietHours.nextAllowed(now, hooks.profile(w.getCustomerId()).zone());
        return allowed > now ? allowed : 0;
    }

    public Due due(Wait w) {
        hooks.waitOver(w);
        return new Due(w);
    }

    public void dueDone(Due d) {
        if (!d.isHandled()) {
            hooks.waitLapsed(d.getWait());
        }
    }

    /** Asks for the send of a generated trigger whose subject is the customer's cart. */
    public void send(Due d, Cart cart) {
        send(d, Personalizer.cart(cart));
    }

    /** Asks for the send of a generated trigger; the email shows what its subject's entry event carried. */
    public void send(Due d) {
        TriggerSpec spec = spec(d.getTriggerId());
        Map<String, Object> vars = switch (spec.subject()) {
            case PRODUCT -> Personalizer.product(d.getWait().getEntry());
            case ORDER -> Personalizer.order(d.getWait().getEntry());
            case CART, CUSTOMER -> Map.of();
        };
        send(d, vars);
    }

    private void send(Due d, Map<String, Object> vars) {
        d.markHandled();
        Wait w = d.getWait();
        TriggerSpec spec = spec(w.getTriggerId());
        Variant variant = spec.variants().stream().filter(v -> v.id().equals(w.getVariant())).findFirst().orElse(null);
        String template = variant != null && variant.templateId() != null ? variant.templateId() : spec.templateId();
        String key = spec.id() + "|" + w.getCustomerId() + "|" + w.getSubject()
                + (spec.oncePer() != null ? "|" + w.getEntryEventId() : "");
        ready.add(new Candidate(spec.id(), w.getCustomerId(), w.getSubject(), key, spec.priority(), template,
                w.getVariant(), variant != null && variant.holdout(),
                !Boolean.FALSE.equals(spec.guardrails().frequencyCap()),
                spec.oncePer() == null ? 0 : spec.oncePer().toMillis(), now(), vars, spec.requires(),
                w.getCausedBy()));
    }

    /** Asks for a send from a DRL-only rule: guardrails still apply; the key is the rule, customer and subject. */
    public void send(String ruleId, String customerId, String subject, String templateId, int priority,
                     Map<String, Object> variables, List<String> required, List<String> causedBy) {
        ready.add(new Candidate(ruleId, customerId, subject, ruleId + "|" + customerId + "|" + subject, priority,
                templateId, null, false, true, 0, now(), variables, required, causedBy));
    }

    /** The candidates asked for since the last call, emptied. */
    List<Candidate> drainReady() {
        if (ready.isEmpty()) {
            return List.of();
        }
        List<Candidate> out = new ArrayList<>(ready);
        ready.clear();
        return out;
    }

    private TriggerSpec spec(String triggerId) {
        TriggerSpec spec = triggers.get(triggerId);
        if (spec == null) {
            throw new IllegalArgumentException("no trigger spec '" + triggerId + "' in this rule set");
        }
        return spec;
    }
}
