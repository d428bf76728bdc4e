package dev.triggerforge.server.experiments;

import dev.triggerforge.rules.experiment.ExperimentGate;
import dev.triggerforge.server.store.Database;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;

/**
 * The server's answer to "does this experiment assign variants now?", read by every partition: experiments that are
 * paused or stopped do not; an experiment the store does not know yet runs, as the rule set says.
 */
@ApplicationScoped
public class ExperimentSwitch implements ExperimentGate {

    private final Database database;
    private volatile Set<String> halted = Set.of();

    ExperimentSwitch(Database database) {
        this.database = database;
    }

    @Override
    public boolean assigns(String experimentId) {
        return !halted.contains(experimentId);
    }

    /** Reads the statuses again: after a change here, or one another instance announced. */
    public void reload() {
        List<String> ids = QuarkusTransaction.requiringNew().call(() -> database.session()
                .createSelectionQuery("select e.experimentId from ExperimentRecord e where e.status <> :running",
                        String.class)
                .setParameter("running", ExperimentStatus.RUNNING.code())
                .getResultList());
        halted = Set.copyOf(ids);
    }
}
