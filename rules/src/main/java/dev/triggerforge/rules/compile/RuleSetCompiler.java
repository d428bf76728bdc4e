package dev.triggerforge.rules.compile;

import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.rules.sandbox.DrlSandbox;
import dev.triggerforge.rules.sandbox.SandboxReport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles a rule set at run time: validates its trigger specs, generates their DRL, keeps every DRL file inside the
 * sandbox and the rule set within its {@link CompileLimits}, and builds what passes with the core detector rules into
 * a stream-mode KieBase. Errors come back located in what the author wrote, never as a stack trace.
 *
 * <p>The Drools build runs on a daemon thread of its own under {@link CompileLimits#compileTimeout()}; one that
 * overruns is abandoned but cannot be killed (see {@link Deadline}).
 */
public final class RuleSetCompiler {

    private final CompileLimits limits;
    private final DrlSandbox sandbox;
    private final DroolsBuild drools = new DroolsBuild();

    /** A compiler with {@link CompileLimits#DEFAULTS}. */
    public RuleSetCompiler() {
        this(CompileLimits.DEFAULTS);
    }

    public RuleSetCompiler(CompileLimits limits) {
        this.limits = limits;
        this.sandbox = new DrlSandbox(limits.maxNesting());
    }

    public CompileLimits limits() {
        return limits;
    }

    /** Compiles the rule set, or throws with every error found. */
    public CompiledRuleSet compile(RuleSet ruleSet) throws RuleSetRejectedException {
        long started = System.nanoTime();
        RuleSetSources sources = prepare(ruleSet);
        return Deadline.run(limits.compileTimeout(), () -> {
            List<SandboxReport> reports = sandbox.check(sources.drl());
            List<CompileError> errors = refusals(ruleSet, reports);
            List<RuleSetSources.File> allowed = new ArrayList<>();
            for (int i = 0; i < reports.size(); i++) {
                if (reports.get(i).allowed()) {
                    allowed.add(sources.files().get(i));
                }
            }
            DroolsBuild.Result built = drools.build(allowed);
            errors.addAll(built.errors());
            if (!errors.isEmpty()) {
                throw new RuleSetRejectedException(errors);
            }
            return new CompiledRuleSet(ruleSet, built.kieBase(), sources.triggers(), sources.generatedDrl(),
                    Duration.ofNanos(System.nanoTime() - started));
        });
    }

    /**
     * Everything {@link #compile} checks before it builds (trigger specs, limits, the sandbox, DRL syntax), without
     * the Drools build: the quick answer for an editor or a deployment's validation step.
     */
    public void validate(RuleSet ruleSet) throws RuleSetRejectedException {
        RuleSetSources sources = prepare(ruleSet);
        Deadline.run(limits.compileTimeout(), () -> {
            List<SandboxReport> reports = sandbox.check(sources.drl());
            List<CompileError> errors = refusals(ruleSet, reports);
            reports.stream().filter(SandboxReport::allowed).forEach(r -> errors.addAll(r.syntaxErrors()));
            if (!errors.isEmpty()) {
                throw new RuleSetRejectedException(errors);
            }
            return null;
        });
    }

    /** Validates the specs and the limits that need no parsing, and generates the specs' DRL. */
    private RuleSetSources prepare(RuleSet ruleSet) throws RuleSetRejectedException {
        List<CompileError> errors = new ArrayList<>(TriggerSpecValidator.validate(ruleSet.triggers()));
        errors.addAll(RuleSetLimits.beforeGenerating(ruleSet, limits));
        if (!errors.isEmpty()) {
            throw new RuleSetRejectedException(errors);
        }
        RuleSetSources sources = RuleSetSources.of(ruleSet);
        errors.addAll(RuleSetLimits.beforeParsing(sources, limits));
        if (!errors.isEmpty()) {
            throw new RuleSetRejectedException(errors);
        }
        return sources;
    }

    /**
     * Limits measured on the parsed rules (over them, nothing is built) and the sandbox's findings, with the syntax
     * errors of the files it refused: those files are left out of the build, the others still build so every file's
     * errors come back at once.
     */
    private List<CompileError> refusals(RuleSet ruleSet, List<SandboxReport> reports) throws RuleSetRejectedException {
        List<CompileError> overLimits = RuleSetLimits.afterParsing(ruleSet, reports, limits);
        List<CompileError> errors = new ArrayList<>(overLimits);
        for (SandboxReport report : reports) {
            if (!report.allowed()) {
                errors.addAll(report.violations());
                errors.addAll(report.syntaxErrors());
            }
        }
        if (!overLimits.isEmpty()) {
            throw new RuleSetRejectedException(errors);
        }
        return errors;
    }
}
