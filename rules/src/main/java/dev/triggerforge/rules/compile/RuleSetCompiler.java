package dev.triggerforge.rules.compile;

import dev.triggerforge.model.ruleset.RuleSet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles a rule set at run time: validates its trigger specs, generates their DRL, and builds it with the core
 * detector rules and any hand-written DRL into a stream-mode KieBase. Errors come back located in what the author
 * wrote, never as a stack trace.
 */
public final class RuleSetCompiler {

    private final DroolsBuild drools = new DroolsBuild();

    /** Compiles the rule set, or throws with every error found. */
    public CompiledRuleSet compile(RuleSet ruleSet) throws RuleSetRejectedException {
        long started = System.nanoTime();
        List<CompileError> errors = new ArrayList<>(TriggerSpecValidator.validate(ruleSet.triggers()));
        if (!errors.isEmpty()) {
            throw new RuleSetRejectedException(errors);
        }
        RuleSetSources sources = RuleSetSources.of(ruleSet);
        DroolsBuild.Result built = drools.build(sources.files());
        if (!built.errors().isEmpty()) {
            throw new RuleSetRejectedException(built.errors());
        }
        return new CompiledRuleSet(ruleSet, built.kieBase(), sources.triggers(), sources.generatedDrl(),
                Duration.ofNanos(System.nanoTime() - started));
    }
}
