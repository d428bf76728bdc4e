package dev.triggerforge.console.triggers;

import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.model.trigger.TriggerSpec;
import dev.triggerforge.rules.compile.CompileError;
import dev.triggerforge.rules.compile.RuleSetCompiler;
import dev.triggerforge.rules.compile.RuleSetRejectedException;
import dev.triggerforge.rules.library.TriggerLibrary;
import javafx.concurrent.Task;

import java.time.Duration;
import java.util.List;

/**
 * Compiles the edited trigger specs as one rule set with the library's guardrails, off the JavaFX thread, after a
 * short pause so that a check started by every keystroke is cancelled by the next one before it compiles.
 */
final class TriggerCheck extends Task<List<CompileError>> {

    private final List<TriggerSpec> specs;
    private final Duration delay;

    TriggerCheck(List<TriggerSpec> specs, Duration delay) {
        this.specs = List.copyOf(specs);
        this.delay = delay;
    }

    @Override
    protected List<CompileError> call() throws InterruptedException {
        Thread.sleep(delay.toMillis());
        try {
            new RuleSetCompiler().compile(new RuleSet("guided triggers", List.of(), specs,
                    TriggerLibrary.ruleSet().guardrails()));
            return List.of();
        } catch (RuleSetRejectedException e) {
            return e.errors();
        }
    }
}
