package dev.triggerforge.server.experiments;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.triggerforge.model.experiment.ExperimentSettings;
import dev.triggerforge.model.json.Json;
import dev.triggerforge.model.report.ExperimentResult;
import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.model.trigger.TriggerSpec;
import dev.triggerforge.server.rulesets.ControlChannel;
import dev.triggerforge.server.rulesets.RuleSetStore;
import dev.triggerforge.server.store.Database;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.LockModeType;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The life of experiments: each trigger with variants in an activated rule set is one, running from that activation;
 * it can be paused, resumed and stopped (which freezes its results). Every change reaches the engine of every
 * instance and the audit log.
 */
@ApplicationScoped
public class Experiments {

    private static final Logger LOG = Logger.getLogger(Experiments.class);

    private final Database database;
    private final ExperimentSwitch gate;
    private final ExperimentData data;
    private final RuleSetStore ruleSets;
    private final Instance<ControlChannel> control;

    Experiments(Database database, ExperimentSwitch gate, ExperimentData data, RuleSetStore ruleSets,
                Instance<ControlChannel> control) {
        this.database = database;
        this.gate = gate;
        this.data = data;
        this.ruleSets = ruleSets;
        this.control = control;
    }

    /**
     * Records the experiments of a rule set that was just activated: new ones start running now; known ones that are
     * not stopped take the variants of this version, keeping their settings.
     */
    public void register(RuleSet ruleSet, String actor) {
        List<TriggerSpec> tested = ruleSet.triggers().stream().filter(t -> !t.variants().isEmpty()).toList();
        if (tested.isEmpty()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Session session = database.session();
                for (TriggerSpec trigger : tested) {
                    ExperimentRecord r = session.find(ExperimentRecord.class, trigger.experimentId());
                    if (r == null) {
                        session.persist(newRecord(trigger, actor));
                        ruleSets.audit(actor, "experiment-start", trigger.experimentId(),
                                "trigger " + trigger.id() + ", " + trigger.variants().size() + " variants");
                    } else if (!ExperimentStatus.STOPPED.code().equals(r.status)) {
                        ExperimentDefinition d = definition(r);
                        r.ruleId = trigger.id();
                        r.body = write(new ExperimentDefinition(trigger, d.settings(), d.autoPromote()));
                    }
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf(e, "Experiments of rule set '%s' could not be recorded; they run, and are recorded at the "
                    + "next activation", ruleSet.name());
        }
    }

    public List<ExperimentView> list() {
        return QuarkusTransaction.requiringNew().call(() -> database.session()
                .createSelectionQuery("from ExperimentRecord e order by e.startedAt desc, e.experimentId",
                        ExperimentRecord.class)
                .getResultList().stream().map(r -> ExperimentView.of(r, definition(r))).toList());
    }

    public ExperimentView find(String experimentId) {
        ExperimentRecord r = record(experimentId);
        return ExperimentView.of(r, definition(r));
    }

    /** The results so far, or for a stopped experiment those frozen when it stopped. */
    public ExperimentResult results(String experimentId) {
        ExperimentRecord r = record(experimentId);
        if (r.results != null) {
            return read(r.results, ExperimentResult.class);
        }
        return data.measure(experimentId, definition(r));
    }

    public ExperimentView configure(String experimentId, ExperimentSettings settings, boolean autoPromote,
                                    String actor) {
        ExperimentView view = update(experimentId, actor, r -> {
            ExperimentDefinition d = definition(r);
            r.body = write(new ExperimentDefinition(d.trigger(), settings, autoPromote));
        });
        ruleSets.audit(actor, "experiment-settings", experimentId, "auto-promote " + autoPromote);
        return view;
    }

    public ExperimentView pause(String experimentId, String actor) {
        return move(experimentId, ExperimentStatus.PAUSED, Set.of(ExperimentStatus.RUNNING), actor, null);
    }

    public ExperimentView resume(String experimentId, String actor) {
        return move(experimentId, ExperimentStatus.RUNNING, Set.of(ExperimentStatus.PAUSED), actor, null);
    }

    /** Stops for good, freezing the results as they are now. */
    public ExperimentView stop(String experimentId, String actor) {
        ExperimentResult frozen = data.measure(experimentId, definition(record(experimentId)));
        return move(experimentId, ExperimentStatus.STOPPED, Set.of(ExperimentStatus.RUNNING, ExperimentStatus.PAUSED),
                actor, frozen);
    }

    /** Puts a stopped experiment back to where it was, when promoting its winner failed half way. */
    void undoStop(String experimentId, ExperimentStatus previous) {
        QuarkusTransaction.requiringNew().run(() -> {
            ExperimentRecord r = database.session().find(ExperimentRecord.class, experimentId);
            r.status = previous.code();
            r.stoppedAt = null;
            r.results = null;
        });
        changed();
    }

    void promoted(String experimentId, long version) {
        QuarkusTransaction.requiringNew().run(() ->
                database.session().find(ExperimentRecord.class, experimentId).promotedVersion = version);
    }

    ExperimentDefinition definitionOf(String experimentId) {
        return definition(record(experimentId));
    }

    private ExperimentView move(String experimentId, ExperimentStatus target, Set<ExperimentStatus> from,
                                String actor, ExperimentResult frozen) {
        ExperimentView view = update(experimentId, actor, r -> {
            ExperimentStatus current = ExperimentStatus.of(r.status);
            if (!from.contains(current)) {
                throw new ExperimentConflictException("experiment '" + experimentId + "' is " + current.code()
                        + "; it can be " + target.code() + " only when " + from.stream().map(ExperimentStatus::code)
                        .sorted().toList());
            }
            r.status = target.code();
            if (frozen != null) {
                r.stoppedAt = Instant.now();
                r.results = write(frozen);
            }
        });
        ruleSets.audit(actor, "experiment-" + target.code(), experimentId, null);
        changed();
        return view;
    }

    private ExperimentView update(String experimentId, String actor, Consumer<ExperimentRecord> change) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ExperimentRecord r = database.session().find(ExperimentRecord.class, experimentId,
                    LockModeType.PESSIMISTIC_WRITE);
            if (r == null) {
                throw new UnknownExperimentException(experimentId);
            }
            change.accept(r);
            r.updatedBy = actor;
            return ExperimentView.of(r, definition(r));
        });
    }

    /** Applies a status change here at once and tells the other instances. */
    private void changed() {
        gate.reload();
        control.get().announceExperiments();
    }

    private ExperimentRecord record(String experimentId) {
        ExperimentRecord r = QuarkusTransaction.requiringNew().call(() ->
                database.session().find(ExperimentRecord.class, experimentId));
        if (r == null) {
            throw new UnknownExperimentException(experimentId);
        }
        return r;
    }

    private static ExperimentRecord newRecord(TriggerSpec trigger, String actor) {
        ExperimentRecord r = new ExperimentRecord();
        r.experimentId = trigger.experimentId();
        r.ruleId = trigger.id();
        r.status = ExperimentStatus.RUNNING.code();
        r.createdAt = Instant.now();
        r.startedAt = r.createdAt;
        r.updatedBy = actor;
        r.body = write(new ExperimentDefinition(trigger, ExperimentSettings.DEFAULTS, false));
        return r;
    }

    private static ExperimentDefinition definition(ExperimentRecord r) {
        return read(r.body, ExperimentDefinition.class);
    }

    private static String write(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("experiment data cannot be written as JSON", e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored experiment data is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
