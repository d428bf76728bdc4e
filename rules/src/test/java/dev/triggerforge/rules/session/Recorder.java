package dev.triggerforge.rules.session;

import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.decision.Suppression;
import dev.triggerforge.model.event.CustomerEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Collects everything a session reports, for assertions. */
public final class Recorder implements SessionListener {

    public final List<EmailDecision> decisions = new ArrayList<>();
    public final List<Suppression> suppressions = new ArrayList<>();
    public final List<CustomerEvent> late = new ArrayList<>();
    public final List<CustomerEvent> duplicates = new ArrayList<>();
    public final List<WaitTrace> waits = new ArrayList<>();

    @Override
    public void onDecision(EmailDecision decision) {
        decisions.add(decision);
    }

    @Override
    public void onSuppression(Suppression suppression) {
        suppressions.add(suppression);
    }

    @Override
    public void onLateEvent(CustomerEvent event, Duration behind) {
        late.add(event);
    }

    @Override
    public void onDuplicateEvent(CustomerEvent event) {
        duplicates.add(event);
    }

    @Override
    public void onWait(WaitTrace trace) {
        waits.add(trace);
    }

    public List<EmailDecision> decisionsFor(String ruleId) {
        return decisions.stream().filter(d -> d.ruleId().equals(ruleId)).toList();
    }
}
