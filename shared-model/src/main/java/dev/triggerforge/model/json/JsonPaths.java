package dev.triggerforge.model.json;

import java.util.regex.Pattern;

/** Builds the JSON paths that locate errors, quoting member names that are not plain identifiers. */
final class JsonPaths {

    static final String ROOT = "$";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private JsonPaths() {
    }

    /** {@code parent.name}, or {@code parent['odd name']} when the name is not an identifier. */
    static String member(String parent, String name) {
        if (IDENTIFIER.matcher(name).matches()) {
            return parent + "." + name;
        }
        return parent + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    static String element(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
