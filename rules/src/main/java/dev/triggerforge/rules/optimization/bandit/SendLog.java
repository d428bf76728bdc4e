package dev.triggerforge.rules.optimization.bandit;

import dev.triggerforge.model.decision.EmailDecision;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Turns a recorded send into a {@link LoggedDecision} for off-policy estimates: its segment, its variant, the chance
 * that variant had among the sending ones, and whether it was clicked within the reward window. Held-out customers
 * get no email and are not in a log of sends, so the chances are conditioned on sending: a variant's probability
 * divided by the sum over the sending variants.
 */
public final class SendLog {

    /** The segment of sends whose explanation names none. */
    public static final String NO_SEGMENT = BanditState.POOLED;

    private SendLog() {
    }

    /**
     * The logged decision, or null when the send's variant is not a sending one or has no chance to divide by. An
     * adaptive send's probabilities come from its explanation; any other send's from {@code fixedWeights}.
     *
     * @param firstClick the earliest click on the send at or after it went out, null if none
     */
    public static LoggedDecision of(EmailDecision send, Set<String> sendingArms, Map<String, Double> fixedWeights,
                                    Instant firstClick, Duration window) {
        if (send.variant() == null || !sendingArms.contains(send.variant())) {
            return null;
        }
        Map<String, Double> chances = send.explanation() != null
                && !send.explanation().variantProbabilities().isEmpty()
                ? send.explanation().variantProbabilities() : fixedWeights;
        Double own = chances.get(send.variant());
        double sending = sendingArms.stream().mapToDouble(a -> chances.getOrDefault(a, 0.0)).sum();
        if (own == null || !(own > 0) || !(sending > 0)) {
            return null;
        }
        boolean clicked = firstClick != null && !firstClick.isBefore(send.sendAt())
                && !firstClick.isAfter(send.sendAt().plus(window));
        String segment = send.explanation() != null && send.explanation().segment() != null
                ? send.explanation().segment() : NO_SEGMENT;
        return new LoggedDecision(segment, send.variant(), Math.min(1, own / sending), clicked ? 1 : 0);
    }
}
