package dev.triggerforge.model.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.regex.Pattern;

/**
 * The kind of a customer event: one of the built-in types or a {@code custom:<name>} type, kept as its wire name so
 * rules can match it with a plain string comparison.
 */
public record EventType(String name) {

    public static final String CUSTOM_PREFIX = "custom:";

    /** Every built-in type name, for validation and documentation. */
    public static final Set<String> BUILT_IN = Set.of(
            "page_view", "product_view", "category_view", "search", "cart_add", "cart_remove", "checkout_start",
            "purchase", "signup", "form_submit", "profile_update", "email_delivered", "email_open", "email_click",
            "email_bounce", "email_unsubscribe", "identify");

    private static final Pattern CUSTOM_NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");

    public static final EventType PAGE_VIEW = new EventType("page_view");
    public static final EventType PRODUCT_VIEW = new EventType("product_view");
    public static final EventType CATEGORY_VIEW = new EventType("category_view");
    public static final EventType SEARCH = new EventType("search");
    public static final EventType CART_ADD = new EventType("cart_add");
    public static final EventType CART_REMOVE = new EventType("cart_remove");
    public static final EventType CHECKOUT_START = new EventType("checkout_start");
    public static final EventType PURCHASE = new EventType("purchase");
    public static final EventType SIGNUP = new EventType("signup");
    public static final EventType FORM_SUBMIT = new EventType("form_submit");
    public static final EventType PROFILE_UPDATE = new EventType("profile_update");
    public static final EventType EMAIL_DELIVERED = new EventType("email_delivered");
    public static final EventType EMAIL_OPEN = new EventType("email_open");
    public static final EventType EMAIL_CLICK = new EventType("email_click");
    public static final EventType EMAIL_BOUNCE = new EventType("email_bounce");
    public static final EventType EMAIL_UNSUBSCRIBE = new EventType("email_unsubscribe");
    /** A visitor known until now by an anonymous id ({@code anonymousId}) turns out to be this customer. */
    public static final EventType IDENTIFY = new EventType("identify");

    /** Declared after the constants it holds: static fields initialise in order. */
    private static final Map<String, EventType> CONSTANTS = Stream.of(PAGE_VIEW, PRODUCT_VIEW, CATEGORY_VIEW, SEARCH,
                    CART_ADD, CART_REMOVE, CHECKOUT_START, PURCHASE, SIGNUP, FORM_SUBMIT, PROFILE_UPDATE,
                    EMAIL_DELIVERED, EMAIL_OPEN, EMAIL_CLICK, EMAIL_BOUNCE, EMAIL_UNSUBSCRIBE, IDENTIFY)
            .collect(Collectors.toUnmodifiableMap(EventType::name, t -> t));

    public EventType {
        if (!isValid(name)) {
            throw new IllegalArgumentException("unknown event type '" + name + "' (expected one of "
                    + String.join(", ", BUILT_IN.stream().sorted().toList()) + " or custom:<name>)");
        }
    }

    /** The constant for a built-in type (so a million decoded events share a handful of instances), else a new one. */
    @JsonCreator
    public static EventType of(String name) {
        EventType known = name == null ? null : CONSTANTS.get(name);
        return known != null ? known : new EventType(name);
    }

    /** Whether {@code name} is a built-in type or a well-formed custom type. */
    public static boolean isValid(String name) {
        if (name == null) {
            return false;
        }
        if (name.startsWith(CUSTOM_PREFIX)) {
            return CUSTOM_NAME.matcher(name.substring(CUSTOM_PREFIX.length())).matches();
        }
        return BUILT_IN.contains(name);
    }

    public boolean isCustom() {
        return name.startsWith(CUSTOM_PREFIX);
    }

    @JsonValue
    @Override
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
