package dev.triggerforge.rules.optimization.bandit;

/** A policy to evaluate on logged decisions without running it: the chance it would choose an arm in a segment. */
@FunctionalInterface
public interface CandidatePolicy {

    /** The chance, in [0, 1], that this policy chooses {@code arm} for a customer in {@code segment}. */
    double probability(String segment, String arm);

    /** The policy that always chooses {@code arm}. */
    static CandidatePolicy always(String arm) {
        return (segment, candidate) -> candidate.equals(arm) ? 1 : 0;
    }
}
