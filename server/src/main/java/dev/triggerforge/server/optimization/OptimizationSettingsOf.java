package dev.triggerforge.server.optimization;

import dev.triggerforge.rules.optimization.OptimizationSettings;
import dev.triggerforge.server.config.TriggerForgeConfig;

/** Reads the engine's optimization settings from {@code triggerforge.optimization.*}. */
public final class OptimizationSettingsOf {

    private OptimizationSettingsOf() {
    }

    public static OptimizationSettings config(TriggerForgeConfig.Optimization c) {
        return new OptimizationSettings(c.period(), c.rewardWindow(), c.minShare(), c.minSegmentTrials(), c.draws(),
                c.priorStrength(), c.maxCustomers(), c.maxSegments());
    }
}
