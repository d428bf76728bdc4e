package dev.triggerforge.server.experiments;

import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.model.trigger.TriggerSpec;
import dev.triggerforge.model.trigger.Variant;
import dev.triggerforge.rules.compile.RuleSetRejectedException;
import dev.triggerforge.server.rulesets.Activation;
import dev.triggerforge.server.rulesets.Deployments;
import dev.triggerforge.server.rulesets.RuleSetStore;
import dev.triggerforge.server.rulesets.RuleSetUpload;
import dev.triggerforge.server.rulesets.RuleSetVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes a variant the trigger's own behaviour for everyone: a new rule-set version in which the trigger takes the
 * variant's template, wait and parameters and has no variants any more, activated on every instance. The experiment
 * stops first (results frozen), so two instances promoting at once cannot both do it.
 */
@ApplicationScoped
public class Promotion {

    private final Experiments experiments;
    private final RuleSetStore store;
    private final Instance<Deployments> deployments;

    Promotion(Experiments experiments, RuleSetStore store, Instance<Deployments> deployments) {
        this.experiments = experiments;
        this.store = store;
        this.deployments = deployments;
    }

    /** The outcome: the experiment as it is now and the activation of the version holding the winner. */
    public record Promoted(ExperimentView experiment, Activation activation) {
    }

    public Promoted promote(String experimentId, String variantId, String actor) throws RuleSetRejectedException {
        ExperimentDefinition definition = experiments.definitionOf(experimentId);
        Variant winner = definition.trigger().variants().stream().filter(v -> v.id().equals(variantId)).findFirst()
                .orElseThrow(() -> new ExperimentConflictException("experiment '" + experimentId
                        + "' has no variant '" + variantId + "'"));
        if (winner.holdout()) {
            throw new ExperimentConflictException("the holdout sends nothing and cannot be promoted; stop the "
                    + "experiment or remove the trigger instead");
        }
        RuleSetVersion active = store.active();
        RuleSet current = RuleSetStore.read(active);
        if (current.triggers().stream().noneMatch(t -> t.experimentId().equals(experimentId)
                && t.id().equals(definition.trigger().id()))) {
            throw new ExperimentConflictException("the active version no longer runs experiment '" + experimentId
                    + "' on trigger '" + definition.trigger().id() + "'; promote by uploading a version instead");
        }
        ExperimentStatus before = experiments.find(experimentId).status();
        experiments.stop(experimentId, actor);
        try {
            RuleSetUpload upload = new RuleSetUpload(current.name(), "promote variant '" + variantId
                    + "' of experiment '" + experimentId + "'", "continue", current.drl(),
                    current.triggers().stream().map(t -> t.experimentId().equals(experimentId) ? adopt(t, winner) : t)
                            .toList(), current.guardrails(), RuleSetStore.templates(active));
            RuleSetVersion version = deployments.get().upload(upload, actor);
            Activation activation = deployments.get().activate(version.version, actor);
            experiments.promoted(experimentId, version.version);
            return new Promoted(experiments.find(experimentId), activation);
        } catch (RuleSetRejectedException | RuntimeException e) {
            experiments.undoStop(experimentId, before);
            throw e;
        }
    }

    /** The trigger doing what the winning variant did, for everyone. */
    static TriggerSpec adopt(TriggerSpec trigger, Variant winner) {
        Map<String, Object> parameters = new LinkedHashMap<>(trigger.parameters());
        parameters.putAll(winner.parameters());
        return trigger.withExperiment(List.of(), null, parameters,
                winner.templateId() != null ? winner.templateId() : trigger.templateId(),
                winner.waitDuration() != null ? winner.waitDuration() : trigger.waitDuration());
    }
}
