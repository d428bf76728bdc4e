package dev.triggerforge.model.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.triggerforge.model.event.CustomerEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The one strict way customer events enter and leave TriggerForge as JSON: input is checked completely and rejected
 * with every problem listed, so a sender can fix a bad payload in one round instead of one error at a time.
 */
public final class EventCodec {

    private EventCodec() {
    }

    /**
     * Decodes one event object. Property numbers become {@code Long} when written without fraction or exponent
     * ({@code BigDecimal} beyond the long range) and {@code BigDecimal} otherwise, keeping the digits as written.
     *
     * @throws InvalidEventException listing every problem, if the text is not a valid event
     */
    public static CustomerEvent decode(String json) {
        return decode(StrictJson.parse(json), JsonPaths.ROOT);
    }

    /**
     * Decodes one event from a tree, reporting errors under {@code path} (e.g. {@code $[3]}; null means {@code $}).
     *
     * @throws InvalidEventException listing every problem, if the node is not a valid event
     */
    public static CustomerEvent decode(JsonNode node, String path) {
        Errors errors = new Errors();
        CustomerEvent event = EventDecoder.decode(node, path == null ? JsonPaths.ROOT : path, errors);
        errors.throwIfAny();
        return event;
    }

    /**
     * Decodes the webhook form: one event object, or an array of them (possibly empty).
     *
     * @throws InvalidEventException listing every problem of every element, with {@code $[i]} paths for arrays
     */
    public static List<CustomerEvent> decodeBatch(String json) {
        JsonNode root = StrictJson.parse(json);
        if (root.isObject()) {
            return List.of(decode(root, JsonPaths.ROOT));
        }
        if (!root.isArray()) {
            throw Errors.single(JsonPaths.ROOT, Problem.WRONG_TYPE,
                    "expected an event object or an array of event objects, got " + Nodes.describe(root));
        }
        Errors errors = new Errors();
        List<CustomerEvent> events = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            events.add(EventDecoder.decode(root.get(i), JsonPaths.element(JsonPaths.ROOT, i), errors));
        }
        errors.throwIfAny();
        return List.copyOf(events);
    }

    /**
     * Encodes an event as compact JSON with the shared mapper (map keys sorted). {@code decode(encode(e))} equals
     * {@code e} whenever the property values are of the kinds {@code decode} produces, as they are for decoded events.
     *
     * @throws IllegalArgumentException if a property value has no JSON form
     */
    public static String encode(CustomerEvent event) {
        Objects.requireNonNull(event, "event");
        try {
            return Json.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "event " + event.eventId() + " cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
