package dev.triggerforge.rules.sandbox;

import dev.triggerforge.rules.compile.CompileError;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The sandbox's reasons to refuse one DRL file, located at file, line and column; a reason found twice on one line
 * (by the file scan and by a rescan of the same code) is reported once.
 */
final class Findings {

    private final String source;
    private final List<CompileError> errors = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();

    Findings(String source) {
        this.source = source;
    }

    void add(int line, int column, String message) {
        if (seen.add(line + "|" + message)) {
            errors.add(new CompileError(source, line, column, message));
        }
    }

    void add(Token at, String message) {
        add(at.line(), at.column(), message);
    }

    List<CompileError> errors() {
        return List.copyOf(errors);
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }
}
