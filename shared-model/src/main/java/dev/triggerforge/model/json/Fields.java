package dev.triggerforge.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.util.function.Predicate;

/** Type and range checks on the members of one JSON object, each reporting under the member's own path. */
final class Fields {

    private final JsonNode object;
    private final String path;
    private final Errors errors;

    Fields(JsonNode object, String path, Errors errors) {
        this.object = object;
        this.path = path;
        this.errors = errors;
    }

    String pathOf(String name) {
        return JsonPaths.member(path, name);
    }

    Errors errors() {
        return errors;
    }

    /** The member's value, or null when it is absent or JSON null (reported as missing when required). */
    JsonNode value(String name, boolean required) {
        JsonNode node = object.get(name);
        if (Nodes.isPresent(node)) {
            return node;
        }
        if (required) {
            errors.add(pathOf(name), Problem.MISSING_FIELD, "required");
        }
        return null;
    }

    void wrongType(String name, String expected, JsonNode actual) {
        errors.add(pathOf(name), Problem.WRONG_TYPE, "expected " + expected + ", got " + Nodes.describe(actual));
    }

    void invalid(String name, String message) {
        errors.add(pathOf(name), Problem.INVALID_VALUE, message);
    }

    /** A string member; a required one must not be blank. Returns the text, or null when absent or wrong. */
    String string(String name, boolean required) {
        JsonNode node = value(name, required);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            wrongType(name, "a string", node);
            return null;
        }
        if (required && node.textValue().isBlank()) {
            invalid(name, "must not be blank");
            return null;
        }
        return node.textValue();
    }

    /** A string member that must also pass {@code rule}, else {@code complaint} is reported as an invalid value. */
    void string(String name, boolean required, Predicate<String> rule, String complaint) {
        String text = string(name, required);
        if (text != null && !rule.test(text)) {
            invalid(name, complaint);
        }
    }

    /** A money amount or price: a number that is not negative. */
    void amount(String name, boolean required) {
        JsonNode node = value(name, required);
        if (node == null) {
            return;
        }
        if (!Nodes.isFiniteNumber(node)) {
            wrongType(name, "a number", node);
        } else if (Nodes.decimal(node).signum() < 0) {
            invalid(name, "must not be negative");
        }
    }

    /** A count of items: a whole number from 1 up to the largest int. */
    void quantity(String name) {
        JsonNode node = value(name, false);
        if (node == null) {
            return;
        }
        if (!Nodes.isFiniteNumber(node)) {
            wrongType(name, "an integer", node);
        } else if (!node.isIntegralNumber()) {
            wrongType(name, "an integer", "a fractional number");
        } else if (!node.canConvertToInt() || node.intValue() < 1) {
            invalid(name, "must be a whole number from 1 to " + Integer.MAX_VALUE + ", got " + node.asText());
        }
    }

    void bool(String name) {
        JsonNode node = value(name, false);
        if (node != null && !node.isBoolean()) {
            wrongType(name, "a boolean", node);
        }
    }

    /** An array member, or null when it is absent or not an array. */
    ArrayNode array(String name, boolean required) {
        JsonNode node = value(name, required);
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            wrongType(name, "an array", node);
            return null;
        }
        return (ArrayNode) node;
    }

    private void wrongType(String name, String expected, String actual) {
        errors.add(pathOf(name), Problem.WRONG_TYPE, "expected " + expected + ", got " + actual);
    }
}
