package dev.triggerforge.model.json;

import java.util.Objects;

/**
 * One thing wrong with an incoming event, located by a JSON path such as {@code $.properties.lines[1].sku} so the
 * sender can find and fix it.
 */
public record FieldError(String path, Problem problem, String message) {

    public FieldError {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(message, "message");
    }

    /** E.g. {@code $.properties.price: wrong_type: expected a number, got a string}. */
    @Override
    public String toString() {
        return path + ": " + problem.wireName() + ": " + message;
    }
}
