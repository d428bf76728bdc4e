package dev.triggerforge.rules.compile;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.triggerforge.model.json.Json;
import dev.triggerforge.model.trigger.TriggerSpec;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads a trigger spec (or another JSON part of a rule set) from what its author wrote, turning a parse or type error
 * into a {@link CompileError} at the file, line and column where Jackson stopped, with the field path, rather than an
 * exception.
 */
public final class TriggerSpecReader {

    private TriggerSpecReader() {
    }

    public static TriggerSpec read(String source, String json) throws RuleSetRejectedException {
        return read(source, json, TriggerSpec.class);
    }

    /** Any other JSON part of a rule set (e.g. {@code guardrails.json}), with the same located errors. */
    public static <T> T read(String source, String json, Class<T> type) throws RuleSetRejectedException {
        try {
            return Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 0 : Math.max(at.getLineNr(), 0);
            int column = at == null ? 0 : Math.max(at.getColumnNr(), 0);
            throw new RuleSetRejectedException(List.of(new CompileError(source, line, column, describe(e))));
        }
    }

    private static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        int detail = message.indexOf(" (for ");
        if (detail > 0) {
            message = message.substring(0, detail);
        }
        message = message.replaceAll("`[\\w.$]+\\.(\\w+)`", "$1");
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String path = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return path + ": " + message;
        }
        return message;
    }
}
