package dev.triggerforge.server.experiments;

import dev.triggerforge.model.experiment.ExperimentSettings;
import dev.triggerforge.model.trigger.TriggerSpec;

/**
 * What an experiment tests and how it is judged: the trigger with its variants as last activated, the analysis
 * settings, and whether a winner is promoted without a person clicking.
 */
public record ExperimentDefinition(TriggerSpec trigger, ExperimentSettings settings, boolean autoPromote) {

    public ExperimentDefinition {
        settings = settings == null ? ExperimentSettings.DEFAULTS : settings;
    }
}
