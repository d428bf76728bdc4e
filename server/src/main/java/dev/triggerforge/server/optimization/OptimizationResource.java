package dev.triggerforge.server.optimization;

import dev.triggerforge.model.experiment.BanditSnapshot;
import dev.triggerforge.model.optimization.PolicySnapshot;
import dev.triggerforge.model.trigger.TriggerSpec;
import dev.triggerforge.rules.optimization.Policy;
import dev.triggerforge.rules.optimization.bandit.BanditState;
import dev.triggerforge.server.api.ErrorBody;
import dev.triggerforge.server.engine.Engine;
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

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What adaptive optimization has learned: the policy in use, allocations over time, and off-policy estimates. */
@Path("/api/optimization")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Optimization")
public class OptimizationResource {

    private static final int MOST_PERIODS = 2000;

    /** One period's chances per segment for an experiment's variants. */
    public record AllocationPoint(Instant periodStart, Map<String, Map<String, Double>> bySegment) {
    }

    private final Engine engine;
    private final PolicyRefresh refresh;
    private final PolicyStore store;
    private final OffPolicyReports offPolicy;

    OptimizationResource(Engine engine, PolicyRefresh refresh, PolicyStore store, OffPolicyReports offPolicy) {
        this.engine = engine;
        this.refresh = refresh;
        this.store = store;
        this.offPolicy = offPolicy;
    }

    @RolesAllowed(Role.VIEWER_NAME)
    @GET
    @Path("/policy")
    @Operation(summary = "The policy in use: counts per adaptive experiment and segment, reading hours per segment")
    public PolicySnapshot policy() {
        return refresh.current();
    }

    @RolesAllowed(Role.VIEWER_NAME)
    @GET
    @Path("/experiments/{id}/allocation")
    @Operation(summary = "Each stored period's chances of the experiment's variants, pooled and per segment",
            description = "from/to are ISO instants (default: the last 7 days).")
    public Response allocation(@PathParam("id") String id, @QueryParam("from") String from,
                               @QueryParam("to") String to) {
        Optional<TriggerSpec> trigger = trigger(id);
        if (trigger.isEmpty() || !trigger.get().isAdaptive()) {
            return notFound("no adaptive experiment '" + id + "' in the active rule set");
        }
        Instant end;
        Instant start;
        try {
            end = to == null ? Instant.now() : Instant.parse(to);
            start = from == null ? end.minus(Duration.ofDays(7)) : Instant.parse(from);
        } catch (DateTimeParseException e) {
            return bad("from and to must be ISO instants such as 2026-11-23T10:00:00Z");
        }
        List<AllocationPoint> points = new ArrayList<>();
        for (PolicyRecord r : store.between(start, end, MOST_PERIODS)) {
            Policy policy = new Policy(PolicyStore.snapshot(r), refresh.settings());
            Map<String, Map<String, Double>> bySegment = new LinkedHashMap<>();
            for (String segment : segments(policy.snapshot(), id)) {
                bySegment.put(segment, policy.shares(id, trigger.get().variants(), segment).probabilities());
            }
            points.add(new AllocationPoint(r.periodStart, bySegment));
        }
        return Response.ok(points).build();
    }

    @RolesAllowed(Role.VIEWER_NAME)
    @GET
    @Path("/experiments/{id}/off-policy")
    @Operation(summary = "Inverse-propensity estimates of always sending each variant, from the recorded sends",
            description = "Sends due at least `window` ago (ISO duration, default PT24H) count; a click within the "
                    + "window is the reward. Fixed splits use the weights as propensities.")
    public Response offPolicy(@PathParam("id") String id, @QueryParam("window") @DefaultValue("PT24H") String window,
                              @QueryParam("confidence") @DefaultValue("0.95") double confidence) {
        Optional<TriggerSpec> trigger = trigger(id);
        if (trigger.isEmpty()) {
            return notFound("no experiment '" + id + "' in the active rule set");
        }
        Duration rewardWindow;
        try {
            rewardWindow = Duration.parse(window);
        } catch (DateTimeParseException e) {
            return bad("window must be an ISO duration such as PT24H");
        }
        if (rewardWindow.isNegative() || !(confidence > 0 && confidence < 1)) {
            return bad("window must not be negative and confidence must be between 0 and 1");
        }
        OffPolicyReports.Report report = offPolicy.report(trigger.get(), rewardWindow, confidence, Instant.now());
        return report == null
                ? notFound("experiment '" + id + "' has fewer than 2 sends due more than " + window + " ago")
                : Response.ok(report).build();
    }

    private Optional<TriggerSpec> trigger(String experimentId) {
        return engine.activeRules().compiled().triggers().values().stream()
                .filter(t -> !t.variants().isEmpty() && t.experimentId().equals(experimentId)).findFirst();
    }

    private static List<String> segments(PolicySnapshot snapshot, String experimentId) {
        List<String> names = new ArrayList<>(List.of(BanditState.POOLED));
        BanditSnapshot counts = snapshot.experiments().get(experimentId);
        if (counts != null) {
            counts.segments().stream().map(BanditSnapshot.Segment::name)
                    .filter(n -> !n.equals(BanditState.POOLED)).sorted().forEach(names::add);
        }
        return names;
    }

    private static Response notFound(String message) {
        return Response.status(Response.Status.NOT_FOUND).entity(ErrorBody.of(message)).build();
    }

    private static Response bad(String message) {
        return Response.status(Response.Status.BAD_REQUEST).entity(ErrorBody.of(message)).build();
    }
}
