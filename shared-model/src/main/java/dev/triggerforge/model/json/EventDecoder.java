package dev.triggerforge.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.event.EventType;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** Checks one event object's envelope and properties, adding every problem to a shared error list. */
final class EventDecoder {

    private static final List<String> FIELDS = List.of("eventId", "customerId", "type", "occurredAt", "properties");
    private static final String BUILT_IN_TYPES = String.join(", ", EventType.BUILT_IN.stream().sorted().toList());

    private EventDecoder() {
    }

    /** The event at {@code path}, or null when anything is wrong (the problems are in {@code errors}). */
    static CustomerEvent decode(JsonNode node, String path, Errors errors) {
        if (!Nodes.isPresent(node) || !node.isObject()) {
            errors.add(path, Problem.WRONG_TYPE, "expected an event object, got " + Nodes.describe(node));
            return null;
        }
        int before = errors.count();
        Fields f = new Fields(node, path, errors);
        String eventId = f.string("eventId", true);
        String customerId = f.string("customerId", true);
        EventType type = type(f);
        Instant occurredAt = occurredAt(f);
        Map<String, Object> properties = properties(f, type);
        rejectUnknownFields(node, f);
        if (errors.count() > before) {
            return null;
        }
        return new CustomerEvent(eventId, customerId, type, occurredAt, properties);
    }

    private static void rejectUnknownFields(JsonNode node, Fields f) {
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            if (!FIELDS.contains(member.getKey())) {
                f.invalid(member.getKey(), "unknown field (allowed: " + String.join(", ", FIELDS) + ")");
            }
        }
    }

    private static EventType type(Fields f) {
        JsonNode node = f.value("type", true);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            f.wrongType("type", "a string", node);
            return null;
        }
        String name = node.textValue();
        if (EventType.isValid(name)) {
            return EventType.of(name);
        }
        f.errors().add(f.pathOf("type"), Problem.UNKNOWN_TYPE, unknownTypeMessage(name));
        return null;
    }

    private static String unknownTypeMessage(String name) {
        if (name.startsWith(EventType.CUSTOM_PREFIX)) {
            return Nodes.quote(name) + " is not a valid custom type: after 'custom:' put a name of 1 to 64 characters"
                    + " from a-z, 0-9, '_', '.' and '-', starting with a letter or digit";
        }
        return "unknown event type " + Nodes.quote(name) + "; expected one of " + BUILT_IN_TYPES
                + ", or custom:<name>";
    }

    private static Instant occurredAt(Fields f) {
        JsonNode node = f.value("occurredAt", true);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            f.wrongType("occurredAt", "an ISO-8601 timestamp string", node);
            return null;
        }
        Instant instant = parseInstant(node.textValue());
        if (instant == null) {
            f.errors().add(f.pathOf("occurredAt"), Problem.BAD_TIMESTAMP, Nodes.quote(node.textValue())
                    + " is not an ISO-8601 timestamp such as 2026-11-23T09:00:00Z or 2026-11-23T10:00:00+01:00");
        }
        return instant;
    }

    /** An instant in UTC ({@code Z}) or with an offset, which is converted; null when neither. */
    private static Instant parseInstant(String text) {
        Instant common = CanonicalInstant.parse(text);
        if (common != null) {
            return common;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeException notAnInstant) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeException notAnOffsetDateTime) {
                return null;
            }
        }
    }

    private static Map<String, Object> properties(Fields f, EventType type) {
        JsonNode node = f.value("properties", false);
        if (node == null) {
            return Map.of();
        }
        if (!node.isObject()) {
            f.wrongType("properties", "an object", node);
            return Map.of();
        }
        String path = f.pathOf("properties");
        if (type != null) {
            PropertyRules.check(type.name(), new Fields(node, path, f.errors()));
        }
        return PlainValues.object(node, path, f.errors());
    }
}
