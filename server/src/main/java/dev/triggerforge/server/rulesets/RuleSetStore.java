package dev.triggerforge.server.rulesets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.triggerforge.model.json.Json;
import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.rules.library.TriggerLibrary;
import dev.triggerforge.server.store.Database;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rule-set versions in the database: the active one (on a first start the built-in library, stored as version 1, so
 * there is always a version to run and to roll back to), new uploads, activation flags, the audit log and which
 * version each server instance runs.
 */
@ApplicationScoped
public class RuleSetStore {

    private final Database database;

    RuleSetStore(Database database) {
        this.database = database;
    }

    /** The active version; on a first start the built-in library, stored as version 1. */
    public RuleSetVersion active() {
        return QuarkusTransaction.requiringNew().call(this::activeOrLibrary);
    }

    /** Stores a validated rule set as the next version, not yet active. */
    public RuleSetVersion save(RuleSet ruleSet, Map<String, EmailTemplate> templates, String comment, String inFlight,
                               String author) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var session = database.session();
            Long max = session.createSelectionQuery("select max(v.version) from RuleSetVersion v", Long.class)
                    .getSingleResult();
            RuleSetVersion v = new RuleSetVersion();
            v.version = max == null ? 1 : max + 1;
            v.name = ruleSet.name();
            v.author = author;
            v.comment = comment;
            v.createdAt = Instant.now();
            v.active = false;
            v.inFlight = inFlight;
            v.body = write(ruleSet);
            v.templates = templates.isEmpty() ? null : write(templates);
            session.persist(v);
            return v;
        });
    }

    public List<RuleSetVersion> all() {
        return QuarkusTransaction.requiringNew().call(() -> database.session()
                .createSelectionQuery("from RuleSetVersion v order by v.version desc", RuleSetVersion.class)
                .getResultList());
    }

    public Optional<RuleSetVersion> find(long version) {
        return QuarkusTransaction.requiringNew().call(() ->
                Optional.ofNullable(database.session().find(RuleSetVersion.class, version)));
    }

    /** Makes {@code version} the active one in the store; returns the version that was active before. */
    public Long markActive(long version) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var session = database.session();
            Long previous = null;
            for (RuleSetVersion v : session.createSelectionQuery("from RuleSetVersion v where v.active = true",
                    RuleSetVersion.class).getResultList()) {
                v.active = false;
                previous = v.version;
            }
            RuleSetVersion next = session.find(RuleSetVersion.class, version);
            next.active = true;
            next.activatedAt = Instant.now();
            return previous;
        });
    }

    /** The version that was active before the current one, for a rollback. */
    public Optional<RuleSetVersion> previouslyActive() {
        return QuarkusTransaction.requiringNew().call(() -> database.session()
                .createSelectionQuery("from RuleSetVersion v where v.active = false and v.activatedAt is not null"
                        + " order by v.activatedAt desc", RuleSetVersion.class).setMaxResults(1).uniqueResultOptional());
    }

    public void audit(String actor, String action, String target, String detail) {
        QuarkusTransaction.requiringNew().run(() -> {
            AuditEntry e = new AuditEntry();
            e.at = Instant.now();
            e.actor = actor;
            e.action = action;
            e.target = target;
            e.detail = detail == null || detail.length() <= 4000 ? detail : detail.substring(0, 4000);
            database.session().persist(e);
        });
    }

    public List<AuditEntry> auditLog(int limit) {
        return QuarkusTransaction.requiringNew().call(() -> database.session()
                .createSelectionQuery("from AuditEntry a order by a.id desc", AuditEntry.class)
                .setMaxResults(limit).getResultList());
    }

    /** Records which version this instance runs, for {@code GET /api/rulesets/instances}. */
    public void recordInstance(String instanceId, long version) {
        QuarkusTransaction.requiringNew().run(() -> {
            var session = database.session();
            InstanceRecord r = session.find(InstanceRecord.class, instanceId);
            Instant now = Instant.now();
            if (r == null) {
                r = new InstanceRecord();
                r.instanceId = instanceId;
                r.ruleSetVersion = version;
                r.activatedAt = now;
                r.seenAt = now;
                session.persist(r);
            } else {
                r.ruleSetVersion = version;
                r.activatedAt = now;
                r.seenAt = now;
            }
        });
    }

    public List<InstanceRecord> instances() {
        return QuarkusTransaction.requiringNew().call(() -> database.session()
                .createSelectionQuery("from InstanceRecord r order by r.instanceId", InstanceRecord.class)
                .getResultList());
    }

    public static RuleSet read(RuleSetVersion v) {
        try {
            return Json.mapper().readValue(v.body, RuleSet.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rule set version " + v.version + " is not readable: " + e.getMessage(), e);
        }
    }

    /** The templates stored with a version; empty when it has none. */
    public static Map<String, EmailTemplate> templates(RuleSetVersion v) {
        if (v.templates == null) {
            return Map.of();
        }
        try {
            return Json.mapper().readValue(v.templates, new TypeReference<Map<String, EmailTemplate>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("templates of version " + v.version + " are not readable: " + e.getMessage(),
                    e);
        }
    }

    private static String write(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("rule set cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    private RuleSetVersion activeOrLibrary() {
        var session = database.session();
        RuleSetVersion active = session.createSelectionQuery("from RuleSetVersion v where v.active = true",
                RuleSetVersion.class).setMaxResults(1).uniqueResult();
        if (active != null) {
            return active;
        }
        RuleSet library = TriggerLibrary.ruleSet();
        RuleSetVersion first = new RuleSetVersion();
        first.version = 1;
        first.name = library.name();
        first.author = "triggerforge";
        first.comment = "built-in trigger library, stored on first start";
        first.createdAt = Instant.now();
        first.active = true;
        first.inFlight = "continue";
        first.activatedAt = first.createdAt;
        first.body = write(library);
        session.persist(first);
        return first;
    }
}
