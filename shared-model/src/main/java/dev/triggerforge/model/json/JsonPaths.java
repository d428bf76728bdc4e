package dev.triggerforge.model.json;

/** Builds the JSON paths that locate errors, quoting member names that are not plain identifiers. */
final class JsonPaths {

    static final String ROOT = "$";

    private JsonPaths() {
    }

    /** {@code parent.name}, or {@code parent['odd name']} when the name is not an identifier. */
    static String member(String parent, String name) {
        if (isIdentifier(name)) {
            return parent + "." + name;
        }
        return parent + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    /** Same as matching {@code [A-Za-z_][A-Za-z0-9_]*}, without a regex: this runs for every property decoded. */
    private static boolean isIdentifier(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
            if (!letter && (i == 0 || c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    static String element(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
