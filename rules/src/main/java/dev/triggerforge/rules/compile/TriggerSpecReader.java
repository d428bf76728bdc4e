package dev.triggerforge.rules.compile;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.triggerforge.model.json.Json;
import dev.triggerforge.model.trigger.TriggerSpec;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads a trigger spec from the JSON a marketer wrote, turning a parse or type error into a {@link CompileError} at
 * the file, line and column where Jackson stopped, with the field path, rather than an exception.
 */
public final class TriggerSpecReader {

    private TriggerSpecReader() {
    }

    public static TriggerSpec read(String source, String json) throws RuleSetRejectedException {
        try {
            return Json.mapper().readValue(json, TriggerSpec.class);
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
