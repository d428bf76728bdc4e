package dev.triggerforge.rules.optimization.evaluation;

import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.event.EventType;
import dev.triggerforge.rules.optimization.bandit.LoggedDecision;
import dev.triggerforge.rules.optimization.bandit.SendLog;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Recorded sends of one trigger turned into what an off-policy estimate needs: segment, variant, the chance the
 * variant had, and whether the email was clicked within the reward window.
 *
 * <p>Only sent emails are recorded (a held-out customer gets no email), so the estimates are about the customers who
 * are sent something: a variant's propensity is its probability divided by the sum of the probabilities of the
 * variants that were sent in the log, which drops a holdout out. An adaptive send's probabilities come from its
 * explanation; a fixed split's from the {@code weights} given, and without them it is skipped and counted.
 *
 * @param decisions         the usable sends
 * @param withoutPropensity sends skipped for having no probabilities and no weights to fall back on
 * @param arms              the variants sent, sorted
 */
public record DecisionLog(List<LoggedDecision> decisions, long withoutPropensity, Set<String> arms) {

    /**
     * @param sends   every recorded decision; those {@code selected} with a variant are used
     * @param events  recorded events; {@code email_click}s with a {@code sendId} are the rewards
     * @param window  a click counts if it is at most this long after the send
     * @param weights the fixed split's weights by variant, for sends without probabilities; empty if unknown
     */
    public static DecisionLog of(List<EmailDecision> sends, List<CustomerEvent> events,
                                 Predicate<EmailDecision> selected, Duration window, Map<String, Double> weights) {
        Map<String, List<Instant>> clicks = new HashMap<>();
        for (CustomerEvent e : events) {
            String sendId = e.text("sendId");
            if (e.is(EventType.EMAIL_CLICK) && sendId != null) {
                clicks.computeIfAbsent(sendId, id -> new ArrayList<>()).add(e.occurredAt());
            }
        }
        List<EmailDecision> chosen = sends.stream().filter(d -> d.variant() != null && selected.test(d)).toList();
        Set<String> arms = new TreeSet<>();
        chosen.forEach(d -> arms.add(d.variant()));
        List<LoggedDecision> log = new ArrayList<>(chosen.size());
        long skipped = 0;
        for (EmailDecision d : chosen) {
            Instant firstClick = clicks.getOrDefault(d.idempotencyKey(), List.of()).stream()
                    .filter(at -> !at.isBefore(d.sendAt())).min(Instant::compareTo).orElse(null);
            LoggedDecision logged = SendLog.of(d, arms, weights, firstClick, window);
            if (logged == null) {
                skipped++;
            } else {
                log.add(logged);
            }
        }
        return new DecisionLog(List.copyOf(log), skipped, new LinkedHashSet<>(arms));
    }
}
