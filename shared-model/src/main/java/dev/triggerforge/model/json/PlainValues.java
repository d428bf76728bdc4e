package dev.triggerforge.model.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns event properties from a JSON tree into plain, immutable Java values that rules can use without Jackson, in a
 * form that encodes back to the same values: String, Boolean, Long for whole numbers, BigDecimal for numbers written
 * with a fraction or exponent, List and insertion-ordered Map; JSON nulls are dropped.
 */
final class PlainValues {

    private PlainValues() {
    }

    static Map<String, Object> object(JsonNode node, String path, Errors errors) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            if (Nodes.isPresent(member.getValue())) {
                out.put(member.getKey(), value(member.getValue(), JsonPaths.member(path, member.getKey()), errors));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static List<Object> array(JsonNode node, String path, Errors errors) {
        List<Object> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode element = node.get(i);
            if (Nodes.isPresent(element)) {
                out.add(value(element, JsonPaths.element(path, i), errors));
            }
        }
        return Collections.unmodifiableList(out);
    }

    private static Object value(JsonNode node, String path, Errors errors) {
        return switch (node.getNodeType()) {
            case STRING -> node.textValue();
            case BOOLEAN -> node.booleanValue();
            case NUMBER -> number(node, path, errors);
            case ARRAY -> array(node, path, errors);
            case OBJECT -> object(node, path, errors);
            default -> {
                errors.add(path, Problem.WRONG_TYPE, "expected a JSON value, got " + Nodes.describe(node));
                yield "";
            }
        };
    }

    private static Object number(JsonNode node, String path, Errors errors) {
        if (!Nodes.isFiniteNumber(node)) {
            errors.add(path, Problem.INVALID_VALUE, "must be a finite number");
            return BigDecimal.ZERO;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : new BigDecimal(node.bigIntegerValue());
        }
        return fractional(node.decimalValue());
    }

    /** A decimal with at least one fraction digit or an exponent, so it is written back as a fraction, not a Long. */
    private static BigDecimal fractional(BigDecimal value) {
        return value.scale() == 0 ? value.setScale(1) : value;
    }
}
