package dev.triggerforge.rules.optimization.bandit;

/**
 * One arm's outcomes in one segment, the whole evidence Thompson sampling needs about it: its posterior under a
 * uniform prior is Beta(successes + 1, failures + 1).
 *
 * @param successes decisions that led to the reward
 * @param trials    decisions recorded
 */
public record ArmStats(long successes, long trials) {

    /** No outcomes yet. */
    public static final ArmStats NONE = new ArmStats(0, 0);

    public ArmStats {
        if (successes < 0 || trials < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 <= successes <= trials, got " + successes + " of " + trials);
        }
    }

    /** These counts with one more outcome. */
    public ArmStats plus(boolean success) {
        return new ArmStats(successes + (success ? 1 : 0), trials + 1);
    }

    public long failures() {
        return trials - successes;
    }

    /** The observed rate, 0 with no trials. */
    public double rate() {
        return trials == 0 ? 0 : (double) successes / trials;
    }
}
