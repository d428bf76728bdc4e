package dev.triggerforge.server.customers;

import dev.triggerforge.model.profile.ProfileChange;
import dev.triggerforge.server.api.ErrorBody;
import dev.triggerforge.server.engine.Engine;
import dev.triggerforge.server.security.Role;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Bulk profile imports from a CRM, merged value by value so stale rows never overwrite fresher data. */
@Path("/api/customers/import")
@Tag(name = "Customers")
public class CustomerImportResource {

    private static final long WAIT_SECONDS = 120;

    private final Engine engine;

    CustomerImportResource(Engine engine) {
        this.engine = engine;
    }

    @RolesAllowed(Role.MARKETER_NAME)
    @POST
    @Blocking
    @Consumes({"application/x-ndjson", "application/jsonl", "text/csv"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import profiles: JSON Lines or CSV with a header",
            description = "Each line states values observed at its observedAt (default: now). A value is taken only "
                    + "if it is newer than what is known; the report lists what changed and what was refused as "
                    + "stale, and each unusable line with its number.")
    public Response importProfiles(@HeaderParam("Content-Type") String contentType, String body) throws IOException {
        if (body == null || body.isBlank()) {
            return Response.status(400).entity(ErrorBody.of("the file is empty")).build();
        }
        Instant now = Instant.now();
        List<ProfileImport.Line> lines = contentType != null && contentType.startsWith("text/csv")
                ? ProfileImport.csv(body, now) : ProfileImport.jsonLines(body, now);
        List<CompletableFuture<ProfileChange>> pending = new ArrayList<>();
        for (ProfileImport.Line line : lines) {
            pending.add(line.update() == null ? null
                    : engine.updateProfile(line.update()).toCompletableFuture());
        }
        try {
            CompletableFuture.allOf(pending.stream().filter(Objects::nonNull).toArray(CompletableFuture[]::new))
                    .get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable();
        } catch (ExecutionException | TimeoutException e) {
            return unavailable();
        }
        return Response.ok(report(lines, pending)).build();
    }

    private static ImportReport report(List<ProfileImport.Line> lines, List<CompletableFuture<ProfileChange>> done) {
        int changed = 0;
        int unchanged = 0;
        int stale = 0;
        int rejected = 0;
        int worthReporting = 0;
        List<ImportReport.LineResult> details = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            ProfileImport.Line line = lines.get(i);
            ImportReport.LineResult result;
            if (line.error() != null) {
                rejected++;
                result = new ImportReport.LineResult(line.number(), null, List.of(), List.of(), line.error());
            } else {
                ProfileChange change = done.get(i).join();
                changed += change.changed().isEmpty() ? 0 : 1;
                unchanged += change.changed().isEmpty() && change.stale().isEmpty() ? 1 : 0;
                stale += change.stale().isEmpty() ? 0 : 1;
                result = change.changed().isEmpty() && change.stale().isEmpty() ? null
                        : new ImportReport.LineResult(line.number(), change.customerId(), change.changed(),
                        change.stale(), null);
            }
            if (result != null && ++worthReporting <= ImportReport.DETAIL_LIMIT) {
                details.add(result);
            }
        }
        return new ImportReport(lines.size(), changed, unchanged, stale, rejected, details,
                worthReporting > details.size());
    }

    private static Response unavailable() {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .entity(ErrorBody.of("the import could not be completed in time; importing it again is safe, since "
                        + "values already merged are not changed twice")).build();
    }
}
