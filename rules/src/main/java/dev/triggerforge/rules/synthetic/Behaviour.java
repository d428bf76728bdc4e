package dev.triggerforge.rules.synthetic;

/**
 * The knobs of the synthetic shoppers' behaviour, flat and named so each can become a slider in a marketer's UI.
 *
 * @param sessionsPerDay           mean visits per customer per day; each customer's own rate varies around it
 *                                 (exponentially distributed), so a few are heavy users and many barely come
 * @param newCustomerShare         share of customers who sign up during the period (the rest are already known)
 * @param consentShare             share of customers who allow marketing email, known or signing up
 * @param searchProbability        chance that a visit includes a {@code search}
 * @param categoryViewProbability  chance that a visit includes a {@code category_view}
 * @param productViewsPerSession   mean product views per visit (geometric, so zero views happen too)
 * @param reViewProbability        chance that a product view is of a product the customer viewed in the last 24
 *                                 hours, which is what makes three views of one sku within a day happen
 * @param cartAddProbability       chance that a visit with product views adds 1 to 3 lines to the cart
 * @param cartRemoveProbability    chance that a visit with a non-empty cart removes one line
 * @param checkoutStartProbability chance that a visit ending with a non-empty cart starts the checkout
 * @param purchaseProbability      chance that a started checkout becomes a purchase; otherwise the cart is left
 *                                 (abandoned) and may be bought in a later visit
 * @param catalogSize              number of products, {@code SKU-0001} upwards
 */
public record Behaviour(double sessionsPerDay, double newCustomerShare, double consentShare,
                        double searchProbability, double categoryViewProbability, double productViewsPerSession,
                        double reViewProbability, double cartAddProbability, double cartRemoveProbability,
                        double checkoutStartProbability, double purchaseProbability, int catalogSize) {

    /** Largest catalog: SKU numbers stay within five digits. */
    public static final int MAX_CATALOG_SIZE = 99_999;

    /**
     * A plausible fashion shop: 0.2 visits per customer per day, 10% new customers, 60% consent, search in 30% and a
     * category page in 50% of visits, 3 product views per visit with 35% of them re-views, a cart add in 20% of visits
     * with views, a removal in 15% of visits with a cart, checkout started in 55% and completed in 60% of those.
     * 500 products.
     */
    public static final Behaviour DEFAULTS = new Behaviour(0.2, 0.1, 0.6, 0.3, 0.5, 3.0, 0.35, 0.2, 0.15, 0.55, 0.6,
            500);

    public Behaviour {
        nonNegative("sessionsPerDay", sessionsPerDay);
        probability("newCustomerShare", newCustomerShare);
        probability("consentShare", consentShare);
        probability("searchProbability", searchProbability);
        probability("categoryViewProbability", categoryViewProbability);
        nonNegative("productViewsPerSession", productViewsPerSession);
        probability("reViewProbability", reViewProbability);
        probability("cartAddProbability", cartAddProbability);
        probability("cartRemoveProbability", cartRemoveProbability);
        probability("checkoutStartProbability", checkoutStartProbability);
        probability("purchaseProbability", purchaseProbability);
        if (catalogSize < 1 || catalogSize > MAX_CATALOG_SIZE) {
            throw new IllegalArgumentException(
                    "catalogSize must be from 1 to " + MAX_CATALOG_SIZE + ", got " + catalogSize);
        }
    }

    private static void probability(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, got " + value);
        }
    }

    private static void nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number of at least 0, got " + value);
        }
    }
}
