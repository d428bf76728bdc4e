package dev.triggerforge.rules.cli;

import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.rules.compile.CompiledRuleSet;
import dev.triggerforge.rules.compile.RuleSetCompiler;
import dev.triggerforge.rules.compile.RuleSetFiles;
import dev.triggerforge.rules.compile.RuleSetRejectedException;
import dev.triggerforge.rules.library.TriggerLibrary;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Turns {@code --rules} paths into a compiled rule set; no paths means the built-in library. */
final class RulesOption {

    private RulesOption() {
    }

    static CompiledRuleSet compile(List<Path> paths) throws IOException, RuleSetRejectedException {
        RuleSet ruleSet = paths == null || paths.isEmpty() ? TriggerLibrary.ruleSet() : RuleSetFiles.load(paths);
        return new RuleSetCompiler().compile(ruleSet);
    }
}
