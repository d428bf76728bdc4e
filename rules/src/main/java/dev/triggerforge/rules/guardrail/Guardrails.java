package dev.triggerforge.rules.guardrail;

import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.decision.Suppression;
import dev.triggerforge.model.decision.SuppressionReason;
import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.model.ruleset.GuardrailSettings;
import dev.triggerforge.rules.personalization.Personalizer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns the candidates of one instant into decisions or suppressions: consent, idempotency, once-per windows, the
 * frequency cap and missing data, in that order (the cheap checks before personalization), highest priority first
 * so a cap tie goes to the more important trigger. A holdout is judged last, so the holdout group holds exactly the
 * customers who would otherwise have been sent to, and lift against it is unbiased. Every refusal except an exact
 * duplicate becomes a {@link Suppression} record.
 */
public final class Guardrails {

    private static final Comparator<Candidate> ORDER = Comparator.comparingLong(Candidate::sendAt)
            .thenComparing(Candidate::customerId)
            .thenComparing(Comparator.comparingInt(Candidate::priority).reversed())
            .thenComparing(Candidate::ruleId)
            .thenComparing(Candidate::idempotencyKey);

    private GuardrailSettings settings;
    private long retentionMillis;
    private final Map<String, CustomerLedger> ledgers = new HashMap<>();

    public Guardrails(GuardrailSettings settings, long retentionMillis) {
        this.settings = settings;
        this.retentionMillis = Math.max(retentionMillis, settings.frequencyWindow().toMillis());
    }

    public void judge(List<Candidate> candidates, Function<String, CustomerProfile> profiles,
                      DecisionListener listener) {
        List<Candidate> ordered = new ArrayList<>(candidates);
        ordered.sort(ORDER);
        for (Candidate c : ordered) {
            judgeOne(c, profiles.apply(c.customerId()), listener);
        }
    }

    private void judgeOne(Candidate c, CustomerProfile profile, DecisionListener listener) {
        if (!profile.marketingConsent()) {
            listener.onSuppression(suppress(c, SuppressionReason.NO_CONSENT, "no marketing consent"));
            return;
        }
        CustomerLedger ledger = ledgers.computeIfAbsent(c.customerId(), id -> new CustomerLedger());
        if (ledger.hasKey(c.idempotencyKey())) {
            return;
        }
        if (c.oncePerMillis() > 0 && ledger.sentSince(c.ruleId(), c.subject(), c.sendAt() - c.oncePerMillis())) {
            listener.onSuppression(suppress(c, SuppressionReason.ALREADY_SENT, "already sent for " + c.subject()));
            return;
        }
        long windowStart = c.sendAt() - settings.frequencyWindow().toMillis();
        if (c.obeysFrequencyCap() && ledger.deliveredSince(windowStart) >= settings.frequencyCap()) {
            listener.onSuppression(suppress(c, SuppressionReason.FREQUENCY_CAP,
                    settings.frequencyCap() + " sends within " + settings.frequencyWindow()));
            return;
        }
        List<String> missing = new ArrayList<>();
        Map<String, Object> variables = Personalizer.complete(c.variables(), profile, c.required(), missing);
        if (!missing.isEmpty()) {
            listener.onSuppression(suppress(c, SuppressionReason.MISSING_DATA, "unknown: " + String.join(", ", missing)));
            return;
        }
        if (c.holdout()) {
            ledger.record(c.sendAt(), c.ruleId(), c.subject(), c.idempotencyKey(), false);
            String why = c.explanation().variantReason();
            listener.onSuppression(suppress(c, SuppressionReason.HOLDOUT, "holdout group of " + c.ruleId()
                    + (why == null ? "" : ": " + why)));
            return;
        }
        ledger.record(c.sendAt(), c.ruleId(), c.subject(), c.idempotencyKey(), true);
        ledger.prune(c.sendAt() - retentionMillis);
        listener.onDecision(new EmailDecision(c.idempotencyKey(), c.ruleId(), c.customerId(), c.templateId(),
                c.variant(), Instant.ofEpochMilli(c.sendAt()), variables, c.causedBy(), c.explanation()));
    }

    /** Forgets sends older than the retention, so idle customers cost nothing. */
    /** New settings from a new rule-set version; the ledger of past sends carries over, so caps still count them. */
    public void update(GuardrailSettings newSettings, long newRetentionMillis) {
        this.settings = newSettings;
        this.retentionMillis = Math.max(retentionMillis, newRetentionMillis);
    }

    public void sweep(long now) {
        ledgers.values().removeIf(l -> !l.prune(now - retentionMillis));
    }

    private static Suppression suppress(Candidate c, SuppressionReason reason, String detail) {
        return new Suppression(c.ruleId(), c.customerId(), Instant.ofEpochMilli(c.sendAt()), reason, detail,
                c.causedBy());
    }
}
