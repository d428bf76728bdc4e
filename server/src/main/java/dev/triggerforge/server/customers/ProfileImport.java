package dev.triggerforge.server.customers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.triggerforge.model.json.Json;
import dev.triggerforge.model.profile.ProfileUpdate;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a CRM export into profile updates, line by line, so one bad line is reported with its number instead of
 * failing the file: JSON Lines (one profile object per line) or CSV with a header, where columns other than the
 * profile's own become attributes.
 */
final class ProfileImport {

    /** One line of the file: the update it states, or why it cannot be used. */
    record Line(int number, ProfileUpdate update, String error) {
    }

    private static final Set<String> OWN = Set.of("customerId", "email", "timezone", "locale", "marketingConsent",
            "observedAt", "attributes");

    private ProfileImport() {
    }

    static List<Line> jsonLines(String body, Instant defaultObservedAt) {
        List<Line> lines = new ArrayList<>();
        String[] raw = body.split("\r?\n");
        for (int i = 0; i < raw.length; i++) {
            if (raw[i].isBlank()) {
                continue;
            }
            try {
                JsonNode node = Json.mapper().readTree(raw[i]);
                if (!node.isObject()) {
                    lines.add(new Line(i + 1, null, "not a JSON object"));
                    continue;
                }
                Map<String, Object> attributes = new LinkedHashMap<>();
                node.path("attributes").fields().forEachRemaining(e ->
                        attributes.put(e.getKey(), Json.mapper().convertValue(e.getValue(), Object.class)));
                lines.add(line(i + 1, text(node, "customerId"), text(node, "email"), text(node, "timezone"),
                        text(node, "locale"), node.hasNonNull("marketingConsent")
                                ? consent(node.get("marketingConsent").asText()) : null,
                        attributes, text(node, "observedAt"), defaultObservedAt));
            } catch (JsonProcessingException e) {
                lines.add(new Line(i + 1, null, "not valid JSON: " + e.getOriginalMessage()));
            } catch (IllegalArgumentException e) {
                lines.add(new Line(i + 1, null, e.getMessage()));
            }
        }
        return lines;
    }

    static List<Line> csv(String body, Instant defaultObservedAt) throws IOException {
        List<Line> lines = new ArrayList<>();
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(body)) {
            int number = 1;
            while (rows.hasNext()) {
                number++;
                try {
                    Map<String, String> row = rows.next();
                    Map<String, Object> attributes = new LinkedHashMap<>();
                    row.forEach((column, value) -> {
                        if (!OWN.contains(column) && value != null && !value.isBlank()) {
                            attributes.put(column, value);
                        }
                    });
                    lines.add(line(number, blankToNull(row.get("customerId")), blankToNull(row.get("email")),
                            blankToNull(row.get("timezone")), blankToNull(row.get("locale")),
                            consent(blankToNull(row.get("marketingConsent"))), attributes,
                            blankToNull(row.get("observedAt")), defaultObservedAt));
                } catch (IllegalArgumentException e) {
                    lines.add(new Line(number, null, e.getMessage()));
                } catch (RuntimeException e) {
                    lines.add(new Line(number, null, "unreadable CSV row: " + e.getMessage()));
                }
            }
        }
        return lines;
    }

    private static Line line(int number, String customerId, String email, String timezone, String locale,
                             Boolean consent, Map<String, Object> attributes, String observedAt, Instant fallback) {
        if (customerId == null || customerId.isBlank()) {
            return new Line(number, null, "customerId is required");
        }
        if (timezone != null && !ZoneId.getAvailableZoneIds().contains(timezone)) {
            return new Line(number, null, "timezone must be an IANA zone id, not '" + timezone + "'");
        }
        Instant at;
        try {
            at = observedAt == null ? fallback : Instant.parse(observedAt);
        } catch (DateTimeException e) {
            return new Line(number, null, "observedAt must be an ISO-8601 instant such as 2026-11-01T10:00:00Z, not '"
                    + observedAt + "'");
        }
        return new Line(number, new ProfileUpdate(customerId, email, timezone, locale, consent, attributes, at), null);
    }

    private static Boolean consent(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException("marketingConsent must be true or false, not '" + text
                    + "'");
        };
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
