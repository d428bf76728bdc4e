package dev.triggerforge.server.customers;

import dev.triggerforge.model.profile.ProfileChange;
import dev.triggerforge.model.report.TimelineEntry;
import dev.triggerforge.server.api.ErrorBody;
import dev.triggerforge.server.engine.Engine;
import dev.triggerforge.server.engine.PartitionElsewhereException;
import io.smallrye.common.annotation.Blocking;
import dev.triggerforge.server.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Customer profiles as the engine sees them, and each customer's timeline: the why and why not of their emails. */
@Path("/api/customers/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customers")
public class CustomerResource {

    private static final Logger LOG = Logger.getLogger(CustomerResource.class);

    private final Engine engine;
    private final CustomerStore customers;

    CustomerResource(Engine engine, CustomerStore customers) {
        this.engine = engine;
        this.customers = customers;
    }

    @RolesAllowed(Role.MARKETER_NAME)
    @PUT
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "State a customer's profile values (email, time zone, locale, consent, attributes)",
            description = "Absent values are kept. Each value is taken only if observedAt (default now) is newer than "
                    + "what is known of it; the answer lists what changed and what was refused as stale.")
    public Response put(@PathParam("id") String id, ProfileBody body) {
        if (body == null) {
            return Response.status(400).entity(ErrorBody.of("a profile body is required")).build();
        }
        if (body.timezone() != null && !ZoneId.getAvailableZoneIds().contains(body.timezone())) {
            return Response.status(400).entity(ErrorBody.of("timezone must be an IANA zone id such as "
                    + "Europe/Berlin, not '" + body.timezone() + "'")).build();
        }
        ProfileChange change;
        try {
            change = engine.updateProfile(body.update(id, Instant.now())).toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable(id, e);
        } catch (ExecutionException | TimeoutException e) {
            return unavailable(id, e);
        }
        StoredProfile stored = customers.find(id).orElseThrow();
        return Response.ok(new ProfileWrite(stored.profile(), stored.version(), stored.updatedAt(), change.changed(),
                change.stale())).build();
    }

    @RolesAllowed(Role.VIEWER_NAME)
    @GET
    @Operation(summary = "A customer's stored profile and its version")
    public Response get(@PathParam("id") String id) {
        return customers.find(id).map(p -> Response.ok(p).build()).orElseGet(() -> Response.status(404)
                .entity(ErrorBody.of("no profile for customer " + id)).build());
    }

    @RolesAllowed(Role.VIEWER_NAME)
    @GET
    @Path("/timeline")
    @Operation(summary = "Events, decisions, suppressions and sends of one customer, oldest first, then the waits "
            + "that have not fired yet, with when they will and why")
    public List<TimelineEntry> timeline(@PathParam("id") String id) {
        List<TimelineEntry> entries = new ArrayList<>(customers.timeline(id));
        entries.addAll(Waiting.entries(engine, id));
        return entries;
    }

    private static Response unavailable(String id, Exception cause) {
        LOG.warnf("Profile of %s not stored: %s", id, cause);
        Throwable reason = cause instanceof ExecutionException ? cause.getCause() : cause;
        String message = reason instanceof PartitionElsewhereException
                ? "the profile could not be stored: " + reason.getMessage()
                : "the profile could not be stored; send it again";
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).entity(ErrorBody.of(message)).build();
    }
}
