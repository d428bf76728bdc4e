package dev.triggerforge.rules.compile;

import dev.triggerforge.model.ruleset.DrlSource;
import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.model.trigger.TriggerSpec;
import dev.triggerforge.rules.sandbox.RuleInfo;
import dev.triggerforge.rules.sandbox.SandboxReport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Applies {@link CompileLimits} to a rule set: what can be counted before any DRL is generated or parsed (files,
 * generated rules, bytes), then what the sandbox measured on the parsed rules (rule count, length, patterns).
 */
final class RuleSetLimits {

    private static final String RULE_SET = "rule set";

    private RuleSetLimits() {
    }

    /** Files and the rules trigger specs will generate (one per entry, restart and cancel match, plus the send). */
    static List<CompileError> beforeGenerating(RuleSet ruleSet, CompileLimits limits) {
        List<CompileError> errors = new ArrayList<>();
        if (ruleSet.drl().size() > limits.maxFiles()) {
            errors.add(new CompileError(RULE_SET, 0, 0, "the rule set has " + n(ruleSet.drl().size())
                    + " DRL files; at most " + n(limits.maxFiles()) + " are allowed (limit maxFiles)"));
        }
        long generated = generatedRules(ruleSet);
        if (generated > limits.maxRules()) {
            errors.add(tooManyRules(generated, generated, limits));
        }
        return errors;
    }

    /** The UTF-8 size of all DRL, hand-written and generated (the core rules are the server's own). */
    static List<CompileError> beforeParsing(RuleSetSources sources, CompileLimits limits) {
        long bytes = 0;
        for (RuleSetSources.File file : sources.files().subList(1, sources.files().size())) {
            bytes += utf8Length(file.drl());
        }
        if (bytes > limits.maxTotalBytes()) {
            return List.of(new CompileError(RULE_SET, 0, 0, "the rule set has " + n(bytes) + " bytes of DRL"
                    + " (hand-written and generated); at most " + n(limits.maxTotalBytes())
                    + " are allowed (limit maxTotalBytes)"));
        }
        return List.of();
    }

    static List<CompileError> afterParsing(RuleSet ruleSet, List<SandboxReport> reports, CompileLimits limits) {
        List<CompileError> errors = new ArrayList<>();
        long rules = 0;
        for (SandboxReport report : reports) {
            rules += report.rules().size();
            for (RuleInfo rule : report.rules()) {
                String source = report.file().name();
                if (rule.characters() > limits.maxRuleCharacters()) {
                    errors.add(new CompileError(source, rule.line(), 0, "rule '" + rule.name() + "' is "
                            + n(rule.characters()) + " characters long; at most " + n(limits.maxRuleCharacters())
                            + " are allowed: split it (limit maxRuleCharacters)"));
                }
                if (rule.patterns() > limits.maxPatterns()) {
                    errors.add(new CompileError(source, rule.line(), 0, "rule '" + rule.name() + "' joins "
                            + rule.patterns() + " patterns; at most " + limits.maxPatterns()
                            + " are allowed: split it into rules that each insert a fact (limit maxPatterns)"));
                }
            }
        }
        if (rules > limits.maxRules()) {
            errors.add(0, tooManyRules(rules, generatedRules(ruleSet), limits));
        }
        return errors;
    }

    private static CompileError tooManyRules(long rules, long generated, CompileLimits limits) {
        return new CompileError(RULE_SET, 0, 0, "the rule set has " + n(rules) + " rules (" + n(generated)
                + " generated from trigger specs); at most " + n(limits.maxRules()) + " are allowed (limit maxRules)");
    }

    private static long generatedRules(RuleSet ruleSet) {
        long rules = 0;
        for (TriggerSpec spec : ruleSet.triggers()) {
            rules += 2L + spec.restartOn().size() + spec.cancelOn().size();
        }
        return rules;
    }

    private static long utf8Length(DrlSource drl) {
        String s = drl.content();
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private static String n(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
