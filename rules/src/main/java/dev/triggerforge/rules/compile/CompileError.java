package dev.triggerforge.rules.compile;

/**
 * One reason a rule set was rejected, located in the file the author wrote: a DRL source name or a trigger spec
 * ({@code trigger:<id>}); line and column are 1-based, 0 when unknown.
 */
public record CompileError(String source, int line, int column, String message) {

    @Override
    public String toString() {
        return source + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + message;
    }
}
