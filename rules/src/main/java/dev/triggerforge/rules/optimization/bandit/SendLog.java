package dev.triggerforge.rules.optimization.bandit;

import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.trigger.Variant;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Turns a recorded send into a {@link LoggedDecision} for off-policy estimates: its segment, its variant, the chance
 * that variant had among the sending ones (held-out customers were never sent to, so the log is conditioned on
 * sending), and whether it was clicked within the reward window.
 */
public final class SendLog {

    private SendLog() {
    }

    /**
     * The logged decision, or null when the send's variant is not one of {@code arms} (or is the holdout). An
     * adaptive send's propensity comes from its explanation; a fixed split's from the variants' weights.
     */
    public static LoggedDecision of(EmailDecision send, List<Variant> arms, Instant firstClick, Duration window) {
        Variant arm = arms.stream().filter(v -> v.id().equals(send.variant()) && !v.holdout()).findFirst()
                .orElse(null);
        if (arm == null) {
            return null;
        }
        double propensity = send.explanation() != null && !send.explanation().variantProbabilities().isEmpty()
                ? adaptive(send.explanation().variantProbabilities(), arms, arm)
                : (double) arm.weight() / arms.stream().filter(v -> !v.holdout()).mapToInt(Variant::weight).sum();
        if (!(propensity > 0)) {
            return null;
        }
        boolean clicked = firstClick != null && !firstClick.isBefore(send.sendAt())
                && !firstClick.isAfter(send.sendAt().plus(window));
        String segment = send.explanation() != null && send.explanation().segment() != null
                ? send.explanation().segment() : BanditState.POOLED;
        return new LoggedDecision(segment, arm.id(), Math.min(1.0, propensity), clicked ? 1 : 0);
    }

    private static double adaptive(Map<String, Double> probabilities, List<Variant> arms, Variant arm) {
        double holdout = arms.stream().filter(Variant::holdout).mapToDouble(v -> probabilities.getOrDefault(v.id(), 0.0))
                .sum();
        return probabilities.getOrDefault(arm.id(), 0.0) / (1 - holdout);
    }
}
