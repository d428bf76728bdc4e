package dev.triggerforge.server.sends;

import dev.triggerforge.server.api.ErrorBody;
import dev.triggerforge.server.store.Database;
import io.quarkus.narayana.jta.QuarkusTransaction;
import dev.triggerforge.server.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hibernate.Session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What the engine decided to send, and what it held back and why, newest first. */
@Path("/api/sends")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sends")
public class SendResource {

    private final Database database;

    SendResource(Database database) {
        this.database = database;
    }

    @RolesAllowed(Role.VIEWER_NAME)
    @GET
    @Operation(summary = "Sends (scheduled, sent, failed, suppressed at send time) and suppressions with their reason",
            description = "Filter by customer, rule or status (scheduled, sent, failed, suppressed); suppressed"
                    + " lists both the guardrails' suppressions and outbox rows held back at send time.")
    public List<SendView> list(@QueryParam("customerId") String customerId, @QueryParam("ruleId") String ruleId,
                               @QueryParam("status") String status,
                               @QueryParam("limit") @DefaultValue("100") int limit) {
        int max = Math.max(1, Math.min(limit, 1000));
        return QuarkusTransaction.requiringNew().call(() -> {
            Session s = database.session();
            List<SendView> views = new ArrayList<>();
            var rows = s.createSelectionQuery("from SendRecord r where (:c is null or r.customerId = :c)"
                    + " and (:r is null or r.ruleId = :r) and (:s is null or r.status = :s)"
                    + " order by r.decidedAt desc", SendRecord.class);
            rows.setParameter("c", customerId).setParameter("r", ruleId).setParameter("s", status).setMaxResults(max);
            rows.getResultList().forEach(r -> views.add(SendView.of(r)));
            if (status == null || "suppressed".equals(status)) {
                var q = s.createSelectionQuery("from SuppressionRecord r where (:c is null or r.customerId = :c)"
                        + " and (:r is null or r.ruleId = :r) order by r.at desc", SuppressionRecord.class);
                q.setParameter("c", customerId).setParameter("r", ruleId).setMaxResults(max);
                q.getResultList().forEach(r -> views.add(SendView.of(r)));
            }
            views.sort(Comparator.comparing(SendView::at).reversed());
            return views.size() > max ? views.subList(0, max) : views;
        });
    }

    @RolesAllowed(Role.VIEWER_NAME)
    @GET
    @Path("/{key}")
    @Operation(summary = "One send by its idempotency key")
    public Response get(@PathParam("key") String key) {
        SendRecord r = QuarkusTransaction.requiringNew().call(() -> database.session().find(SendRecord.class, key));
        return r == null ? Response.status(404).entity(ErrorBody.of("no send with key " + key)).build()
                : Response.ok(SendView.of(r)).build();
    }
}
