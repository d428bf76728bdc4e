package dev.triggerforge.rules.synthetic;

/**
 * How likely simulated customers are to answer an email, step by step, so a marketer can state their own funnel.
 *
 * @param open               chance that a delivered email is opened
 * @param clickGivenOpen     chance that an opened email is clicked (before variant lift and freshness)
 * @param purchaseGivenClick chance that a click leads to a purchase (before variant lift and freshness)
 * @param unsubscribe        chance that an opened email is answered with an unsubscribe instead of a click
 */
public record EngagementRates(double open, double clickGivenOpen, double purchaseGivenClick, double unsubscribe) {

    /** A typical retail funnel: 35% opens, 20% of opens click, 15% of clicks buy, 2% of opens unsubscribe. */
    public static final EngagementRates DEFAULTS = new EngagementRates(0.35, 0.2, 0.15, 0.02);

    public EngagementRates {
        probability("open", open);
        probability("clickGivenOpen", clickGivenOpen);
        probability("purchaseGivenClick", purchaseGivenClick);
        probability("unsubscribe", unsubscribe);
    }

    private static void probability(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, got " + value);
        }
    }
}
