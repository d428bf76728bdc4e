package dev.triggerforge.server.rulesets;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.triggerforge.model.json.Json;
import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.rules.compile.RuleSetCompiler;
import dev.triggerforge.rules.compile.RuleSetRejectedException;
import dev.triggerforge.rules.library.TriggerLibrary;
import dev.triggerforge.server.store.Database;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Loads the rule set the engine runs from the database, compiled at run time; on a first start it stores the built-in
 * library as version 1 so there is always an active version to run and to roll back to.
 */
@ApplicationScoped
public class RuleSetStore {

    private static final Logger LOG = Logger.getLogger(RuleSetStore.class);

    private final Database database;
    private final RuleSetCompiler compiler = new RuleSetCompiler();

    RuleSetStore(Database database) {
        this.database = database;
    }

    public ActiveRuleSet loadActive() {
        RuleSetVersion stored = QuarkusTransaction.requiringNew().call(this::activeOrLibrary);
        try {
            RuleSet ruleSet = Json.mapper().readValue(stored.body, RuleSet.class);
            ActiveRuleSet active = new ActiveRuleSet(stored.version, compiler.compile(ruleSet));
            LOG.infof("Running rule set '%s' version %d (%d triggers)", stored.name, stored.version,
                    active.compiled().triggers().size());
            return active;
        } catch (JsonProcessingException | RuleSetRejectedException e) {
            throw new IllegalStateException("active rule set version " + stored.version + " cannot be loaded: "
                    + e.getMessage(), e);
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
        try {
            first.body = Json.mapper().writeValueAsString(library);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("built-in library cannot be written as JSON", e);
        }
        session.persist(first);
        return first;
    }
}
