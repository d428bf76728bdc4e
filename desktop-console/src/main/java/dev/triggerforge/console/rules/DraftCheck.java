package dev.triggerforge.console.rules;

import dev.triggerforge.model.ruleset.DrlSource;
import dev.triggerforge.model.ruleset.GuardrailSettings;
import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.rules.compile.CompileError;
import dev.triggerforge.rules.compile.RuleSetCompiler;
import dev.triggerforge.rules.compile.RuleSetRejectedException;
import dev.triggerforge.rules.library.TriggerLibrary;
import javafx.concurrent.Task;

import java.util.List;

/**
 * Compiles the draft the way the server would, next to the built-in library's triggers, off the JavaFX thread:
 * the editor's live answer to "would this deploy?".
 */
final class DraftCheck extends Task<List<CompileError>> {

    private final String sourceName;
    private final String drl;

    DraftCheck(String sourceName, String drl) {
        this.sourceName = sourceName;
        this.drl = drl;
    }

    /** The rule set a draft stands for: the library's trigger specs plus the draft as one DRL file. */
    static RuleSet ruleSet(String sourceName, String drl) {
        return new RuleSet("library + " + sourceName, List.of(new DrlSource(sourceName, drl)), TriggerLibrary.specs(),
                GuardrailSettings.DEFAULTS);
    }

    @Override
    protected List<CompileError> call() {
        try {
            new RuleSetCompiler().compile(ruleSet(sourceName, drl));
            return List.of();
        } catch (RuleSetRejectedException e) {
            return e.errors();
        }
    }
}
