package dev.triggerforge.server.rulesets;

import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.json.EventCodec;
import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.model.report.SimulationReport;
import dev.triggerforge.model.report.WhatIfReport;
import dev.triggerforge.rules.compile.CompiledRuleSet;
import dev.triggerforge.rules.simulation.SimulationOptions;
import dev.triggerforge.rules.simulation.SimulationReports;
import dev.triggerforge.rules.simulation.Simulator;
import dev.triggerforge.rules.simulation.WhatIf;
import dev.triggerforge.server.customers.CustomerRecord;
import dev.triggerforge.server.events.StoredEvent;
import dev.triggerforge.server.store.Database;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Simulates a candidate version and the active one on the same recent stored events with the production engine, and
 * returns the difference: the sends the candidate would add, remove or move. Nothing touches the live sessions.
 */
@ApplicationScoped
public class DryRun {

    static final int MAX_EVENTS = 500_000;

    private final Database database;

    DryRun(Database database) {
        this.database = database;
    }

    public WhatIfReport compare(CompiledRuleSet active, CompiledRuleSet candidate, Duration window)
            throws InterruptedException {
        Instant since = Instant.now().minus(window);
        List<CustomerEvent> events = new ArrayList<>();
        List<CustomerProfile> profiles = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            Set<String> customers = new HashSet<>();
            database.session().createSelectionQuery("from StoredEvent e where e.receivedAt >= :since"
                            + " and e.outcome = 'accepted' order by e.occurredAt", StoredEvent.class)
                    .setParameter("since", since).setMaxResults(MAX_EVENTS).getResultList()
                    .forEach(e -> {
                        events.add(EventCodec.decode(e.body));
                        customers.add(e.customerId);
                    });
            for (CustomerRecord r : database.session().createSelectionQuery(
                    "from CustomerRecord r where r.customerId in :ids", CustomerRecord.class)
                    .setParameter("ids", customers.isEmpty() ? Set.of("") : customers).getResultList()) {
                profiles.add(r.profile());
            }
        });
        Instant horizon = later(new Simulator(active, SimulationOptions.defaults()).horizon(events),
                new Simulator(candidate, SimulationOptions.defaults()).horizon(events));
        SimulationOptions options = SimulationOptions.defaults().withUntil(horizon);
        return WhatIf.compare(report(active, events, profiles, options), report(candidate, events, profiles, options));
    }

    private static SimulationReport report(CompiledRuleSet rules, List<CustomerEvent> events,
                                           List<CustomerProfile> profiles, SimulationOptions options)
            throws InterruptedException {
        return SimulationReports.report(rules, new Simulator(rules, options).run(events, profiles), events, List.of(),
                options);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
