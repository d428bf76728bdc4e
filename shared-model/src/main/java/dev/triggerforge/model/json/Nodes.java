package dev.triggerforge.model.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;

/** Small questions about JSON tree nodes that the checks ask over and over, answered null-safely. */
final class Nodes {

    private static final int MAX_QUOTED = 60;

    private Nodes() {
    }

    /** Whether the node holds a value: absent members and JSON null both count as missing. */
    static boolean isPresent(JsonNode node) {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    /** Whether the node is a number that has an exact decimal value (not NaN or infinite). */
    static boolean isFiniteNumber(JsonNode node) {
        if (node == null || !node.isNumber()) {
            return false;
        }
        return !(node.isDouble() || node.isFloat()) || Double.isFinite(node.doubleValue());
    }

    /** The exact value of a finite number node. */
    static BigDecimal decimal(JsonNode node) {
        return node.isIntegralNumber() ? new BigDecimal(node.bigIntegerValue()) : node.decimalValue();
    }

    /** What the node is, for messages such as "expected a number, got a string". */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case NULL -> "null";
            case STRING -> "a string";
            case BOOLEAN -> "a boolean";
            case NUMBER -> isFiniteNumber(node) ? "a number" : "a non-finite number";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> "a value that is not JSON";
        };
    }

    /** User text quoted for a message, shortened so one absurd value cannot bloat an error report. */
    static String quote(String text) {
        String shown = text.length() > MAX_QUOTED ? text.substring(0, MAX_QUOTED) + "..." : text;
        return "'" + shown + "'";
    }
}
