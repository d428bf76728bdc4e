package dev.triggerforge.rules.state;

/** The one place that spells subject keys, which end up inside idempotency keys and must never change shape. */
public final class Subjects {

    public static final String CUSTOMER = "customer";

    private Subjects() {
    }

    public static String cart(String cartId) {
        return "cart:" + cartId;
    }

    public static String product(String sku) {
        return "sku:" + sku;
    }

    public static String order(String orderId) {
        return "order:" + orderId;
    }

    /** The part after the kind, e.g. the sku of {@code sku:ABC}. */
    public static String value(String subject) {
        int colon = subject.indexOf(':');
        return colon < 0 ? subject : subject.substring(colon + 1);
    }
}
