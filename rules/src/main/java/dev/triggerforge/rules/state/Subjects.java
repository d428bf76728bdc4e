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

    /** Whether the subject's value (the part after the kind) is {@code value}, without building a substring. */
    public static boolean hasValue(String subject, String value) {
        int colon = subject.indexOf(':');
        return value != null && subject.length() == colon + 1 + value.length()
                && subject.regionMatches(colon + 1, value, 0, value.length());
    }
}
