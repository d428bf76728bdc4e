package dev.triggerforge.server.delivery.render;

import io.quarkus.qute.TemplateExtension;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/**
 * Formatting helpers for email templates, called as {@code {fmt:money(line.price, cart.currency, customer.locale)}},
 * because decision variables carry raw numbers and codes and every template needs them shown the same way.
 */
@TemplateExtension(namespace = "fmt")
public final class EmailFormat {

    private EmailFormat() {
    }

    /** An amount in its currency for the customer's locale (en-US when unknown); empty when the amount is unknown. */
    static String money(Object amount, Object currency, Object locale) {
        BigDecimal value = decimal(amount);
        if (value == null) {
            return "";
        }
        Currency unit = currency(currency);
        if (unit == null) {
            String plain = value.setScale(2, RoundingMode.HALF_UP).toPlainString();
            return currency == null ? plain : plain + " " + currency;
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale(locale));
        format.setCurrency(unit);
        return format.format(value);
    }

    /** "1 item", "3 items". */
    static String count(Object n, String singular, String plural) {
        BigDecimal value = decimal(n);
        long count = value == null ? 0 : value.longValue();
        return count + " " + (count == 1 ? singular : plural);
    }

    /** The first letter of a name, upper case, for the placeholder shown where a product has no image. */
    static String initial(Object name) {
        String s = name == null ? "" : name.toString().strip();
        return s.isEmpty() ? "?" : s.substring(0, s.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT);
    }

    private static BigDecimal decimal(Object amount) {
        if (amount instanceof BigDecimal d) {
            return d;
        }
        if (amount instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (amount instanceof String s && !s.isBlank()) {
            try {
                return new BigDecimal(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Currency currency(Object code) {
        if (code == null) {
            return null;
        }
        try {
            return Currency.getInstance(code.toString().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Locale locale(Object tag) {
        if (tag == null || tag.toString().isBlank()) {
            return Locale.US;
        }
        Locale l = Locale.forLanguageTag(tag.toString().strip().replace('_', '-'));
        return l.getLanguage().isEmpty() ? Locale.US : l;
    }
}
