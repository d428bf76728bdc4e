package dev.triggerforge.rules.compile;

import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.rules.sandbox.DrlSandbox;
import dev.triggerforge.rules.sandbox.SandboxReport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles a rule set at run time: validates its trigger specs, generates their DRL, keeps every DRL file inside the
 * sandbox, and builds what passes with the core detector rules into a stream-mode KieBase. Errors come back located
 * in what the author wrote, never as a stack trace.
 */
public final class RuleSetCompiler {

    private final DrlSandbox sandbox = new DrlSandbox(24);
    private final DroolsBuild drools = new DroolsBuild();

    /** Compiles the rule set, or throws with every error found. */
    public CompiledRuleSet compile(RuleSet ruleSet) throws RuleSetRejectedException {
        long started = System.nanoTime();
        List<CompileError> errors = new ArrayList<>(TriggerSpecValidator.validate(ruleSet.triggers()));
        if (!errors.isEmpty()) {
            throw new RuleSetRejectedException(errors);
        }
        RuleSetSources sources = RuleSetSources.of(ruleSet);
        List<SandboxReport> reports = sandbox.check(sources.drl());
        List<RuleSetSources.File> allowed = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            SandboxReport report = reports.get(i);
            if (report.allowed()) {
                allowed.add(sources.files().get(i));
            } else {
                errors.addAll(report.violations());
                errors.addAll(report.syntaxErrors());
            }
        }
        DroolsBuild.Result built = drools.build(allowed);
        errors.addAll(built.errors());
        if (!errors.isEmpty()) {
            throw new RuleSetRejectedException(errors);
        }
        return new CompiledRuleSet(ruleSet, built.kieBase(), sources.triggers(), sources.generatedDrl(),
                Duration.ofNanos(System.nanoTime() - started));
    }
}
