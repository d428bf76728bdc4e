package dev.triggerforge.server.optimization;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.triggerforge.model.json.Json;
import dev.triggerforge.model.optimization.PolicySnapshot;
import dev.triggerforge.server.store.Database;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores each learning period's policy once, the first instance to compute it winning, and reads them back. */
@ApplicationScoped
public class PolicyStore {

    private final Database database;

    PolicyStore(Database database) {
        this.database = database;
    }

    /** The policy of the latest period that started at or before {@code at}. */
    public Optional<PolicyRecord> latest(Instant at) {
        return QuarkusTransaction.requiringNew().call(() -> database.session().createSelectionQuery(
                        "from PolicyRecord p where p.periodStart <= :at order by p.periodStart desc", PolicyRecord.class)
                .setParameter("at", at).setMaxResults(1).getResultStream().findFirst());
    }

    public Optional<PolicyRecord> find(Instant periodStart) {
        return QuarkusTransaction.requiringNew().call(() ->
                Optional.ofNullable(database.session().find(PolicyRecord.class, periodStart)));
    }

    /** Periods that started in [from, to), oldest first, at most {@code limit}. */
    public List<PolicyRecord> between(Instant from, Instant to, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> database.session().createSelectionQuery(
                        "from PolicyRecord p where p.periodStart >= :from and p.periodStart < :to "
                                + "order by p.periodStart", PolicyRecord.class)
                .setParameter("from", from).setParameter("to", to).setMaxResults(limit).getResultList());
    }

    /**
     * Stores the period's policy unless another instance stored one first; returns the one stored. The primary key
     * on the period start decides, not a read before the write.
     */
    public PolicyRecord storeFirst(PolicySnapshot policy, String computedBy, Instant computedAt) {
        PolicyRecord r = new PolicyRecord();
        r.periodStart = policy.at();
        r.snapshot = json(policy);
        r.computedBy = computedBy;
        r.computedAt = computedAt;
        try {
            QuarkusTransaction.requiringNew().run(() -> database.session().persist(r));
            return r;
        } catch (RuntimeException e) {
            return find(policy.at()).orElseThrow(() -> e);
        }
    }

    public static PolicySnapshot snapshot(PolicyRecord r) {
        try {
            return Json.mapper().readValue(r.snapshot, PolicySnapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the policy of " + r.periodStart + " is not valid JSON", e);
        }
    }

    private static String json(PolicySnapshot policy) {
        try {
            return Json.mapper().writeValueAsString(policy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a policy cannot be written as JSON", e);
        }
    }
}
