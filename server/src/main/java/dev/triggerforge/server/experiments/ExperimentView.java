package dev.triggerforge.server.experiments;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.triggerforge.model.experiment.ExperimentSettings;
import dev.triggerforge.model.trigger.Variant;

import java.time.Instant;
import java.util.List;

/** An experiment as the API shows it: its state, how it is judged and the variants it compares. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExperimentView(String experimentId, String ruleId, ExperimentStatus status, Instant startedAt,
                             Instant stoppedAt, String updatedBy, Long promotedVersion, ExperimentSettings settings,
                             boolean autoPromote, List<Variant> variants) {

    static ExperimentView of(ExperimentRecord r, ExperimentDefinition d) {
        return new ExperimentView(r.experimentId, r.ruleId, ExperimentStatus.of(r.status), r.startedAt, r.stoppedAt,
                r.updatedBy, r.promotedVersion, d.settings(), d.autoPromote(), d.trigger().variants());
    }
}
