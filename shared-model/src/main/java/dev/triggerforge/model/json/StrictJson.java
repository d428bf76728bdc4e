package dev.triggerforge.model.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Parses event text into a tree exactly once, rejecting duplicate keys and trailing garbage, keeping decimals as
 * written, and turning parser failures into a located, user-readable {@code malformed_json} error.
 */
final class StrictJson {

    private static final ObjectReader READER = Json.mapper().reader()
            .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

    private static final Pattern SOURCE_DETAIL =
            Pattern.compile("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)|\\s*\\[Source:[^\\]]*\\]");
    private static final Pattern CODE_REFERENCE = Pattern.compile(",?\\s*from\\s*`[^`]*`|`[^`]*`");

    private StrictJson() {
    }

    static JsonNode parse(String text) {
        if (text == null) {
            throw malformed("no JSON text");
        }
        try (JsonParser parser = READER.createParser(text)) {
            JsonNode node = READER.readTree(parser);
            if (node == null || node.isMissingNode()) {
                throw malformed("no JSON value (the text is empty)");
            }
            if (parser.nextToken() != null) {
                throw malformed("unexpected content after the JSON value" + at(parser.currentLocation()));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw malformed(readable(e.getOriginalMessage()) + at(e.getLocation()));
        } catch (IOException e) {
            throw malformed("the JSON text could not be read");
        }
    }

    private static InvalidEventException malformed(String message) {
        return Errors.single(JsonPaths.ROOT, Problem.MALFORMED_JSON, message);
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** Jackson's own message without source descriptions and code references, on one line. */
    private static String readable(String message) {
        if (message == null || message.isBlank()) {
            return "malformed JSON";
        }
        String plain = SOURCE_DETAIL.matcher(message).replaceAll("");
        plain = CODE_REFERENCE.matcher(plain).replaceAll("");
        return plain.replace("()", "").replaceAll("\\s+", " ").trim();
    }
}
