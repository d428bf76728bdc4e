package dev.triggerforge.server.campaigns;

import dev.triggerforge.server.api.ErrorBody;
import dev.triggerforge.server.security.Actors;
import dev.triggerforge.server.security.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Campaign KPIs per rule over a chosen period, and the batch baselines they are compared with. */
@Path("/api/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Campaigns")
public class CampaignResource {

    private static final Duration LONGEST_PERIOD = Duration.ofDays(366);

    private final CampaignReports reports;
    private final SecurityIdentity identity;

    CampaignResource(CampaignReports reports, SecurityIdentity identity) {
        this.reports = reports;
        this.identity = identity;
    }

    @RolesAllowed(Role.VIEWER_NAME)
    @GET
    @Path("/kpis")
    @Operation(summary = "Per rule: sends, delivery, open, click and conversion rates, revenue, send latency, "
            + "and the latest batch baseline",
            description = "from/to are ISO instants (default: the last 7 days); sends due in [from, to) count, with "
                    + "feedback attributed within the window (ISO duration, default P7D).")
    public Response kpis(@QueryParam("from") String from, @QueryParam("to") String to,
                         @QueryParam("rule") String rule, @QueryParam("window") @DefaultValue("P7D") String window,
                         @QueryParam("confidence") @DefaultValue("0.95") double confidence) {
        try {
            Instant end = to == null ? Instant.now() : Instant.parse(to);
            Instant start = from == null ? end.minus(Duration.ofDays(7)) : Instant.parse(from);
            Duration attribution = Duration.parse(window);
            if (!start.isBefore(end) || Duration.between(start, end).compareTo(LONGEST_PERIOD) > 0) {
                return bad("from must be before to, at most 366 days apart");
            }
            if (attribution.isNegative() || !(confidence > 0 && confidence < 1)) {
                return bad("window must not be negative and confidence must be between 0 and 1");
            }
            return Response.ok(reports.kpis(start, end, rule, attribution, confidence)).build();
        } catch (DateTimeParseException e) {
            return bad("from, to and window must be ISO-8601 (2026-11-01T00:00:00Z, P7D): " + e.getParsedString());
        }
    }

    @RolesAllowed(Role.VIEWER_NAME)
    @GET
    @Path("/baselines")
    @Operation(summary = "Recorded batch baselines, newest period first")
    public List<Baseline> baselines(@QueryParam("rule") String rule) {
        return reports.baselines(rule);
    }

    @RolesAllowed(Role.MARKETER_NAME)
    @POST
    @Path("/baselines")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a batch campaign's results to compare a rule's triggered emails with")
    public Response record(Baseline baseline) {
        if (baseline == null) {
            return bad("a baseline body is required");
        }
        List<String> problems = baseline.problems();
        if (!problems.isEmpty()) {
            return bad(String.join("; ", problems));
        }
        return Response.status(Response.Status.CREATED).entity(reports.record(baseline, actor())).build();
    }

    private static Response bad(String message) {
        return Response.status(Response.Status.BAD_REQUEST).entity(ErrorBody.of(message)).build();
    }

    private String actor() {
        return Actors.of(identity);
    }
}
