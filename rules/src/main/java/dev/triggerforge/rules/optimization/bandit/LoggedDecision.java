package dev.triggerforge.rules.optimization.bandit;

import java.util.Objects;

/**
 * One past decision as an off-policy estimate needs it: where it was made, what was chosen, how likely that choice
 * was under the policy that made it, and what it earned.
 *
 * @param segment    the context, such as {@code locale=de|new}
 * @param arm        the variant chosen
 * @param propensity the chance the logging policy had of choosing that arm, in (0, 1]
 * @param reward     what the decision earned: 1 or 0 for a conversion, or an amount
 */
public record LoggedDecision(String segment, String arm, double propensity, double reward) {

    public LoggedDecision {
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(arm, "arm");
        if (!(propensity > 0 && propensity <= 1)) {
            throw new IllegalArgumentException("propensity must be in (0, 1], got " + propensity);
        }
        if (!Double.isFinite(reward)) {
            throw new IllegalArgumentException("reward must be finite, got " + reward);
        }
    }
}
