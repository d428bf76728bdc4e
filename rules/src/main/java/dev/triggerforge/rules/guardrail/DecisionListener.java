package dev.triggerforge.rules.guardrail;

import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.decision.Suppression;

/** Where the guardrails' verdicts go: the simulator's report, or the server's outbox. */
public interface DecisionListener {

    void onDecision(EmailDecision decision);

    void onSuppression(Suppression suppression);
}
