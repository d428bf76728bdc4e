package dev.triggerforge.server.experiments;

import dev.triggerforge.model.experiment.ExperimentSettings;
import dev.triggerforge.model.report.ExperimentResult;
import dev.triggerforge.rules.compile.RuleSetRejectedException;
import dev.triggerforge.server.security.Actors;
import dev.triggerforge.server.security.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Experiments on triggers: their state, live results with a verdict, pause, resume, stop and winner promotion. */
@Path("/api/experiments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Experiments")
public class ExperimentResource {

    private final Experiments experiments;
    private final Promotion promotion;
    private final SecurityIdentity identity;

    ExperimentResource(Experiments experiments, Promotion promotion, SecurityIdentity identity) {
        this.experiments = experiments;
        this.promotion = promotion;
        this.identity = identity;
    }

    /** How an experiment is judged, and whether a winner is promoted automatically. */
    public record SettingsBody(ExperimentSettings settings, boolean autoPromote) {
    }

    /** The variant to make everyone's. */
    public record PromoteBody(String variant) {
    }

    @RolesAllowed(Role.VIEWER_NAME)
    @GET
    @Operation(summary = "Every experiment, newest first")
    public List<ExperimentView> list() {
        return experiments.list();
    }

    @RolesAllowed(Role.VIEWER_NAME)
    @GET
    @Path("/{id}")
    @Operation(summary = "One experiment: state, settings and variants")
    public ExperimentView show(@PathParam("id") String id) {
        return experiments.find(id);
    }

    @RolesAllowed(Role.VIEWER_NAME)
    @GET
    @Path("/{id}/results")
    @Operation(summary = "Results per variant with intervals, the always-valid test and a recommendation",
            description = "Safe to read every day: significance uses an always-valid p-value. A stopped experiment "
                    + "answers with the results frozen when it stopped.")
    public ExperimentResult results(@PathParam("id") String id) {
        return experiments.results(id);
    }

    @RolesAllowed(Role.MARKETER_NAME)
    @PUT
    @Path("/{id}/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the attribution window, primary metric, minimum sample or automatic promotion")
    public ExperimentView configure(@PathParam("id") String id, SettingsBody body) {
        if (body == null) {
            throw new InvalidExperimentRequest("a settings body is required");
        }
        ExperimentSettings settings = body.settings() == null ? ExperimentSettings.DEFAULTS : body.settings();
        return experiments.configure(id, settings, body.autoPromote(), actor());
    }

    @RolesAllowed(Role.MARKETER_NAME)
    @POST
    @Path("/{id}/pause")
    @Operation(summary = "Stop assigning variants for now: new entrants get the trigger's own email")
    public ExperimentView pause(@PathParam("id") String id) {
        return experiments.pause(id, actor());
    }

    @RolesAllowed(Role.MARKETER_NAME)
    @POST
    @Path("/{id}/resume")
    @Operation(summary = "Assign variants again")
    public ExperimentView resume(@PathParam("id") String id) {
        return experiments.resume(id, actor());
    }

    @RolesAllowed(Role.MARKETER_NAME)
    @POST
    @Path("/{id}/stop")
    @Operation(summary = "End the experiment for good; its results are kept as they are now")
    public ExperimentView stop(@PathParam("id") String id) {
        return experiments.stop(id, actor());
    }

    @RolesAllowed(Role.MARKETER_NAME)
    @POST
    @Path("/{id}/promote")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make a variant everyone's: a new rule-set version, activated, and the experiment stopped")
    public Promotion.Promoted promote(@PathParam("id") String id, PromoteBody body) throws RuleSetRejectedException {
        if (body == null || body.variant() == null) {
            throw new InvalidExperimentRequest("name the variant to promote: {\"variant\": \"...\"}");
        }
        return promotion.promote(id, body.variant(), actor());
    }

    private String actor() {
        return Actors.of(identity);
    }
}
