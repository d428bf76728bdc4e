package dev.triggerforge.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.triggerforge.model.json.FieldError;

import java.util.List;

/** The body of every error the API returns: a sentence, and for bad input each field's path and problem. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ErrorBody(String error, List<Field> fields) {

    public record Field(String path, String problem, String message) {
    }

    public static ErrorBody of(String error) {
        return new ErrorBody(error, List.of());
    }

    public static ErrorBody of(String error, List<FieldError> errors) {
        return new ErrorBody(error, errors.stream()
                .map(e -> new Field(e.path(), e.problem().name().toLowerCase(), e.message())).toList());
    }
}
