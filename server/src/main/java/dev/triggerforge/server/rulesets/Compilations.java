package dev.triggerforge.server.rulesets;

import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.rules.compile.CompileLimits;
import dev.triggerforge.rules.compile.CompiledRuleSet;
import dev.triggerforge.rules.compile.RuleSetCompiler;
import dev.triggerforge.rules.compile.RuleSetRejectedException;
import dev.triggerforge.server.config.TriggerForgeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compiles rule sets at run time and keeps the last few compiled versions, so activating a version that was just
 * uploaded, or rolling back to the previous one, only swaps sessions and compiles nothing.
 */
@ApplicationScoped
public class Compilations {

    private static final Logger LOG = Logger.getLogger(Compilations.class);
    private static final int KEEP = 4;

    private final RuleSetCompiler compiler;
    private final Map<Long, CompiledRuleSet> recent = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, CompiledRuleSet> eldest) {
            return size() > KEEP;
        }
    };

    Compilations(TriggerForgeConfig config) {
        TriggerForgeConfig.RuleLimits limits = config.rules();
        this.compiler = new RuleSetCompiler(CompileLimits.DEFAULTS.withMaxTotalBytes(limits.maxBytes())
                .withMaxRules(limits.maxRules()).withCompileTimeout(limits.compileTimeout()));
    }

    /** Compiles a candidate, or throws with every error located in its source. */
    public CompiledRuleSet compile(RuleSet ruleSet) throws RuleSetRejectedException {
        return compiler.compile(ruleSet);
    }

    /** The stored version compiled, from the cache when it was compiled recently. */
    public synchronized ActiveRuleSet of(RuleSetVersion version) {
        CompiledRuleSet compiled = recent.get(version.version);
        if (compiled == null) {
            try {
                compiled = compiler.compile(RuleSetStore.read(version));
            } catch (RuleSetRejectedException e) {
                throw new IllegalStateException("stored rule set version " + version.version
                        + " no longer compiles: " + e.errors(), e);
            }
            recent.put(version.version, compiled);
        }
        LOG.debugf("Rule set version %d ready (%d triggers)", version.version, compiled.triggers().size());
        return new ActiveRuleSet(version.version, compiled);
    }

    /** Keeps a compiled upload so its activation needs no second compilation. */
    public synchronized void remember(long version, CompiledRuleSet compiled) {
        recent.put(version, compiled);
    }
}
