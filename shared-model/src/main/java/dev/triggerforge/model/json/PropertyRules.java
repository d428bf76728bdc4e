package dev.triggerforge.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The per-type rules for event properties, so that typed views such as {@code CustomerEvent.purchase()} never meet a
 * value they cannot read; members not named here are free-form.
 */
final class PropertyRules {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Set<String> BOUNCE_TYPES = Set.of("hard", "soft");

    private PropertyRules() {
    }

    static void check(String type, Fields p) {
        switch (type) {
            case "cart_add", "cart_remove" -> cartLine(p);
            case "product_view" -> productView(p);
            case "category_view" -> p.string("category", true);
            case "search" -> p.string("query", true);
            case "purchase" -> purchase(p);
            case "email_delivered", "email_open", "email_click", "email_unsubscribe" -> emailFeedback(p);
            case "email_bounce" -> {
                emailFeedback(p);
                p.string("bounceType", false, BOUNCE_TYPES::contains, "must be hard or soft");
            }
            case "profile_update" -> profileUpdate(p);
            case "identify" -> p.string("anonymousId", true);
            case "signup" -> {
                email(p);
                p.string("firstName", false);
            }
            default -> {
            }
        }
    }

    private static void cartLine(Fields p) {
        p.string("sku", true);
        p.quantity("quantity");
        p.amount("price", false);
        p.string("name", false);
        p.string("imageUrl", false);
        p.string("url", false);
    }

    private static void productView(Fields p) {
        p.string("sku", true);
        p.string("name", false);
        p.string("category", false);
        p.amount("price", false);
        p.string("imageUrl", false);
        p.string("url", false);
    }

    private static void purchase(Fields p) {
        p.string("orderId", true);
        ArrayNode lines = p.array("lines", true);
        if (lines != null) {
            purchaseLines(p, lines);
        }
        p.amount("total", true);
        p.string("currency", true, c -> CURRENCY.matcher(c).matches(),
                "must be a 3-letter upper-case ISO 4217 currency code such as EUR");
    }

    private static void purchaseLines(Fields p, ArrayNode lines) {
        String linesPath = p.pathOf("lines");
        if (lines.isEmpty()) {
            p.invalid("lines", "must contain at least one line");
        }
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            String linePath = JsonPaths.element(linesPath, i);
            if (line.isObject()) {
                cartLine(new Fields(line, linePath, p.errors()));
            } else {
                p.errors().add(linePath, Problem.WRONG_TYPE, "expected an object, got " + Nodes.describe(line));
            }
        }
    }

    private static void emailFeedback(Fields p) {
        p.string("sendId", false);
        p.string("ruleId", false);
        p.string("templateId", false);
        p.string("url", false);
    }

    private static void profileUpdate(Fields p) {
        email(p);
        p.string("timezone", false, PropertyRules::isZoneId, "must be a time zone ID such as Europe/Berlin");
        p.string("locale", false);
        p.bool("marketingConsent");
    }

    private static void email(Fields p) {
        p.string("email", false, e -> e.contains("@"), "must be an email address (it has no '@')");
    }

    private static boolean isZoneId(String id) {
        try {
            ZoneId.of(id);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
