package dev.triggerforge.rules.optimization;

import dev.triggerforge.model.profile.CustomerProfile;

import java.util.Locale;

/**
 * The groups adaptive models learn separately: the language of the customer's locale, and whether they have bought
 * before (a profile value {@code orderCount} above 0 or a known {@code lastPurchaseAt}).
 */
public final class CustomerSegments {

    private CustomerSegments() {
    }

    /** The bandit's segment, such as {@code locale=de|returning}. */
    public static String of(CustomerProfile profile) {
        return sendTime(profile) + (returning(profile) ? "|returning" : "|new");
    }

    /** The send-time prior's segment, such as {@code locale=de}: reading habits follow language and zone. */
    public static String sendTime(CustomerProfile profile) {
        String locale = profile.locale();
        if (locale == null || locale.isBlank()) {
            return "locale=?";
        }
        return "locale=" + Locale.forLanguageTag(locale.replace('_', '-')).getLanguage();
    }

    private static boolean returning(CustomerProfile profile) {
        Object orders = profile.value("orderCount");
        if (orders instanceof Number n && n.doubleValue() > 0) {
            return true;
        }
        if (orders instanceof String s) {
            try {
                return Double.parseDouble(s.trim()) > 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return profile.value("lastPurchaseAt") != null;
    }
}
