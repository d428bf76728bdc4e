package dev.triggerforge.model.report;

/**
 * The decision an experiment's results support, so a marketer does not have to read p-values to act on them.
 *
 * @param variant the arm the verdict is about: the winner, the control to keep, or the arm currently in front while
 *                the verdict is {@code not_yet}; null for {@code no_difference} and when no arm has data
 * @param reason  one plain-English sentence with the numbers behind the verdict
 */
public record Recommendation(Verdict verdict, String variant, String reason) {
}
