package dev.triggerforge.model.event;

import java.math.BigDecimal;
import java.util.Map;

/** Lenient typed reads from an event's property map, used after the codec has checked the types. */
final class Properties {

    private Properties() {
    }

    static String string(Map<String, ?> p, String key) {
        Object v = p.get(key);
        return v == null ? null : v.toString();
    }

    static BigDecimal decimal(Map<String, ?> p, String key) {
        Object v = p.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof BigDecimal d) {
            return d;
        }
        return new BigDecimal(v.toString());
    }

    static int integer(Map<String, ?> p, String key, int fallback) {
        Object v = p.get(key);
        return v instanceof Number n ? n.intValue() : fallback;
    }
}
