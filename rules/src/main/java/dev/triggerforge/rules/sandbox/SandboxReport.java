package dev.triggerforge.rules.sandbox;

import dev.triggerforge.model.ruleset.DrlSource;
import dev.triggerforge.rules.compile.CompileError;

import java.util.List;

/**
 * What the sandbox found in one DRL file: why it may not run ({@code violations}; such a file is never handed to
 * Drools), its syntax errors, and the size of each of its rules for the rule-set limits.
 */
public record SandboxReport(DrlSource file, List<CompileError> violations, List<CompileError> syntaxErrors,
                            List<RuleInfo> rules) {

    public boolean allowed() {
        return violations.isEmpty();
    }
}
