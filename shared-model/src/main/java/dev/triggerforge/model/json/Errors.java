package dev.triggerforge.model.json;

import java.util.ArrayList;
import java.util.List;

/** Collects field errors while a document is checked, so one rejection can list every problem at once. */
final class Errors {

    private final List<FieldError> found = new ArrayList<>();

    void add(String path, Problem problem, String message) {
        found.add(new FieldError(path, problem, message));
    }

    int count() {
        return found.size();
    }

    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidEventException(found);
        }
    }

    static InvalidEventException single(String path, Problem problem, String message) {
        return new InvalidEventException(List.of(new FieldError(path, problem, message)));
    }
}
