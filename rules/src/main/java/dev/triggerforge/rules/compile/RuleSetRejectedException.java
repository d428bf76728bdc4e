package dev.triggerforge.rules.compile;

import java.util.List;

/** A rule set that cannot run, with every error found; the caller keeps serving its previous version. */
public final class RuleSetRejectedException extends Exception {

    private final transient List<CompileError> errors;

    public RuleSetRejectedException(List<CompileError> errors) {
        super(errors.size() + " error(s): " + String.join("; ", errors.stream().map(CompileError::toString).toList()),
                null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<CompileError> errors() {
        return errors;
    }
}
