package dev.triggerforge.server.rulesets;

import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.rules.compile.CompileError;
import dev.triggerforge.rules.compile.CompiledRuleSet;
import dev.triggerforge.rules.compile.RuleSetRejectedException;
import dev.triggerforge.server.delivery.render.TemplateOverrides;
import dev.triggerforge.server.engine.Engine;
import dev.triggerforge.server.experiments.Experiments;
import io.quarkus.qute.Template;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Uploads, activates and rolls back rule-set versions. Activation swaps the version into every partition of this
 * instance between two events, then marks it active in the store (so a failed swap leaves the old version marked)
 * and tells the other instances over the control exchange; every step is written to the audit log.
 */
@ApplicationScoped
public class Deployments {

    private static final Logger LOG = Logger.getLogger(Deployments.class);
    private static final long SWAP_TIMEOUT_SECONDS = 60;

    private final RuleSetStore store;
    private final Compilations compilations;
    private final Engine engine;
    private final ControlChannel control;
    private final TemplateOverrides templates;
    private final Experiments experiments;

    Deployments(RuleSetStore store, Compilations compilations, Engine engine, ControlChannel control,
                TemplateOverrides templates, Experiments experiments) {
        this.store = store;
        this.compilations = compilations;
        this.engine = engine;
        this.control = control;
        this.templates = templates;
        this.experiments = experiments;
    }

    /**
     * At start (after the engine loaded the active version) that version's own templates, if it has any, take over
     * from the built-in ones, this instance records the version it runs, and its experiments are recorded.
     */
    void started(@Observes StartupEvent event) {
        RuleSetVersion active = store.find(engine.activeRules().version()).orElseThrow();
        templates.activate(parsed(RuleSetStore.templates(active)));
        store.recordInstance(control.instanceId(), active.version);
        experiments.register(RuleSetStore.read(active), "system");
    }

    /** Compiles and stores a new version; it runs only once activated. */
    public RuleSetVersion upload(RuleSetUpload upload, String actor) throws RuleSetRejectedException {
        RuleSet ruleSet = upload.ruleSet();
        List<CompileError> templateErrors = new ArrayList<>();
        templates.parse(parts(upload.templates()), templateErrors);
        if (!templateErrors.isEmpty()) {
            throw new RuleSetRejectedException(templateErrors);
        }
        CompiledRuleSet compiled = compilations.compile(ruleSet);
        RuleSetVersion stored = store.save(ruleSet, upload.templates(), upload.comment(), upload.inFlightPolicy(),
                actor);
        compilations.remember(stored.version, compiled);
        store.audit(actor, "upload", "version " + stored.version, ruleSet.triggers().size() + " triggers, "
                + ruleSet.drl().size() + " DRL files" + (upload.comment() == null ? "" : ": " + upload.comment()));
        return stored;
    }

    public Activation activate(long version, String actor) {
        RuleSetVersion target = store.find(version)
                .orElseThrow(() -> new UnknownVersionException(version));
        long started = System.nanoTime();
        ActiveRuleSet next = compilations.of(target);
        long compiled = System.nanoTime();
        int cancelled = applyLocally(next, "cancel-changed".equals(target.inFlight));
        templates.activate(parsed(RuleSetStore.templates(target)));
        long swapped = System.nanoTime();
        Long previous = store.markActive(version);
        experiments.register(next.compiled().ruleSet(), actor);
        store.audit(actor, "activate", "version " + version, "previous version " + previous + ", " + cancelled
                + " waits cancelled");
        control.announce(version);
        return new Activation(version, previous, TimeUnit.NANOSECONDS.toMillis(compiled - started),
                TimeUnit.NANOSECONDS.toMillis(swapped - compiled), cancelled);
    }

    /** Activates the version that was active before the current one. */
    public Activation rollback(String actor) {
        RuleSetVersion previous = store.previouslyActive()
                .orElseThrow(() -> new UnknownVersionException("no earlier active version to roll back to"));
        store.audit(actor, "rollback", "version " + previous.version, null);
        return activate(previous.version, actor);
    }

    /** Another instance activated {@code version}: run it here too, unless this instance already does. */
    void activatedElsewhere(long version) {
        if (engine.activeRules() != null && engine.activeRules().version() == version) {
            return;
        }
        store.find(version).ifPresent(v -> {
            applyLocally(compilations.of(v), "cancel-changed".equals(v.inFlight));
            templates.activate(parsed(RuleSetStore.templates(v)));
            LOG.infof("Rule set version %d activated by another instance now runs here", version);
        });
    }

    public List<InstanceRecord> instances() {
        return store.instances();
    }

    /** Template parts by the names the renderer looks up: {@code {id}.subject.txt}, {@code {id}.html}, {@code {id}.txt}. */
    private static Map<String, String> parts(Map<String, EmailTemplate> byId) {
        Map<String, String> parts = new HashMap<>();
        byId.forEach((id, t) -> {
            parts.put(id + ".subject.txt", t.subject());
            parts.put(id + ".html", t.html());
            parts.put(id + ".txt", t.text());
        });
        return parts;
    }

    private Map<String, Template> parsed(Map<String, EmailTemplate> byId) {
        List<CompileError> errors = new ArrayList<>();
        Map<String, Template> parsed = templates.parse(parts(byId), errors);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("stored templates no longer parse: " + errors);
        }
        return parsed;
    }

    private int applyLocally(ActiveRuleSet next, boolean cancelChanged) {
        try {
            int cancelled = engine.activate(next, cancelChanged).toCompletableFuture()
                    .get(SWAP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            store.recordInstance(control.instanceId(), next.version());
            return cancelled;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while activating version " + next.version(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("version " + next.version() + " could not be swapped in: " + e, e);
        }
    }
}
