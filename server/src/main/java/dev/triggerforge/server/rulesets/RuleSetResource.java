package dev.triggerforge.server.rulesets;

import dev.triggerforge.model.report.WhatIfReport;
import dev.triggerforge.rules.compile.CompiledRuleSet;
import dev.triggerforge.rules.compile.RuleSetRejectedException;
import dev.triggerforge.server.api.ErrorBody;
import dev.triggerforge.server.engine.Engine;
import io.quarkus.security.identity.SecurityIdentity;
import dev.triggerforge.server.security.Actors;
import dev.triggerforge.server.security.Role;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.util.List;

/** Rule-set versions: upload and validate, dry run against recent events, activate, roll back, diff, audit. */
@Path("/api/rulesets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rule sets")
public class RuleSetResource {

    private final Deployments deployments;
    private final RuleSetStore store;
    private final Compilations compilations;
    private final DryRun dryRun;
    private final Engine engine;
    private final SecurityIdentity identity;

    RuleSetResource(Deployments deployments, RuleSetStore store, Compilations compilations, DryRun dryRun,
                    Engine engine, SecurityIdentity identity) {
        this.deployments = deployments;
        this.store = store;
        this.compilations = compilations;
        this.dryRun = dryRun;
        this.engine = engine;
        this.identity = identity;
    }

    @RolesAllowed(Role.MARKETER_NAME)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upload a rule set as a new, inactive version",
            description = "Compiled and validated first: 400 with source, line, column and message for each error.")
    public Response upload(RuleSetUpload upload) throws RuleSetRejectedException {
        if (upload == null) {
            return Response.status(400).entity(ErrorBody.of("a rule set body is required")).build();
        }
        if (!RuleSetUpload.IN_FLIGHT.contains(upload.inFlightPolicy())) {
            return Response.status(400).entity(ErrorBody.of("inFlight must be one of " + RuleSetUpload.IN_FLIGHT))
                    .build();
        }
        requireAdminForDrl(upload.drl() != null && !upload.drl().isEmpty());
        RuleSetVersion stored = deployments.upload(upload, actor());
        return Response.status(Response.Status.CREATED).entity(VersionView.of(stored, upload.ruleSet(), false)).build();
    }

    @RolesAllowed(Role.MARKETER_NAME)
    @POST
    @Path("/validate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Compile and validate a rule set without storing it")
    public Response validate(RuleSetUpload upload) throws RuleSetRejectedException {
        CompiledRuleSet compiled = compilations.compile(upload.ruleSet());
        return Response.ok(new Validated(true, compiled.triggers().size())).build();
    }

    /** A rule set that compiled, and how many triggers it has. */
    public record Validated(boolean valid, int triggers) {
    }

    @RolesAllowed(Role.VIEWER_NAME)
    @GET
    @Operation(summary = "Every version, newest first")
    public List<VersionView> list() {
        return store.all().stream().map(v -> VersionView.of(v, RuleSetStore.read(v), false)).toList();
    }

    @RolesAllowed(Role.VIEWER_NAME)
    @GET
    @Path("/{version}")
    @Operation(summary = "One version with its rule set")
    public VersionView show(@PathParam("version") long version) {
        RuleSetVersion v = store.find(version).orElseThrow(() -> new UnknownVersionException(version));
        return VersionView.of(v, RuleSetStore.read(v), true);
    }

    @RolesAllowed(Role.VIEWER_NAME)
    @GET
    @Path("/diff")
    @Operation(summary = "What changed between two versions")
    public RuleSetDiff diff(@QueryParam("from") long from, @QueryParam("to") long to) {
        RuleSetVersion a = store.find(from).orElseThrow(() -> new UnknownVersionException(from));
        RuleSetVersion b = store.find(to).orElseThrow(() -> new UnknownVersionException(to));
        return RuleSetDiff.of(from, RuleSetStore.read(a), to, RuleSetStore.read(b));
    }

    @RolesAllowed(Role.MARKETER_NAME)
    @POST
    @Path("/{version}/dry-run")
    @Operation(summary = "Simulate a version against the active one on the last hours of stored events")
    public WhatIfReport dryRun(@PathParam("version") long version, @QueryParam("hours") @DefaultValue("24") int hours)
            throws InterruptedException {
        RuleSetVersion v = store.find(version).orElseThrow(() -> new UnknownVersionException(version));
        return dryRun.compare(engine.activeRules().compiled(), compilations.of(v).compiled(),
                Duration.ofHours(Math.max(1, Math.min(hours, 24 * 7))));
    }

    @RolesAllowed(Role.MARKETER_NAME)
    @POST
    @Path("/{version}/activate")
    @Operation(summary = "Run this version from now on, on every instance")
    public Activation activate(@PathParam("version") long version) {
        RuleSetVersion v = store.find(version).orElseThrow(() -> new UnknownVersionException(version));
        requireAdminForDrl(!RuleSetStore.read(v).drl().isEmpty());
        return deployments.activate(version, actor());
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @POST
    @Path("/rollback")
    @Operation(summary = "Activate the version that was active before the current one")
    public Activation rollback() {
        return deployments.rollback(actor());
    }

    @RolesAllowed(Role.VIEWER_NAME)
    @GET
    @Path("/instances")
    @Operation(summary = "The version each server instance runs")
    public List<InstanceRecord> instances() {
        return deployments.instances();
    }

    @RolesAllowed(Role.VIEWER_NAME)
    @GET
    @Path("/audit")
    @Operation(summary = "Who uploaded, activated and rolled back what, newest first")
    public List<AuditEntry> audit(@QueryParam("limit") @DefaultValue("100") int limit) {
        return store.auditLog(Math.max(1, Math.min(limit, 1000)));
    }

    /** Raw DRL is code that runs in the server: only an admin may upload or activate it. */
    private void requireAdminForDrl(boolean hasDrl) {
        if (hasDrl && !identity.hasRole(Role.ADMIN_NAME)) {
            throw new ForbiddenException("rule sets with raw DRL need the admin role; marketers deploy trigger specs");
        }
    }

    private String actor() {
        return Actors.of(identity);
    }
}
