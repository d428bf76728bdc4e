package dev.triggerforge.server.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import dev.triggerforge.model.json.Json;
import dev.triggerforge.server.api.ErrorBody;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * Where email providers report deliveries, bounces and complaints. Providers hold no user account, so instead of a
 * role the call carries a shared secret, checked here in constant time.
 */
@Path("/api/webhooks/{provider}")
@Tag(name = "Webhooks")
public class WebhookResource {

    public static final String SECRET_HEADER = "X-TriggerForge-Webhook-Secret";
    private static final TypeReference<List<ProviderReport>> REPORTS = new TypeReference<>() {
    };

    private final ProviderReports reports;
    private final Optional<byte[]> secret;

    WebhookResource(ProviderReports reports, WebhookConfig config) {
        this.reports = reports;
        this.secret = config.secret().filter(s -> !s.isBlank()).map(s -> s.getBytes(StandardCharsets.UTF_8));
    }

    @PermitAll
    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Provider reports: delivered, bounce (hard or soft), complaint",
            description = "Needs the shared secret in " + SECRET_HEADER + ". 200 with accepted and rejected items.")
    public Response report(@PathParam("provider") String provider, @HeaderParam(SECRET_HEADER) String given,
                           String body) {
        if (!authentic(given)) {
            return Response.status(Response.Status.UNAUTHORIZED)
                    .entity(ErrorBody.of("missing or wrong " + SECRET_HEADER + " header")).build();
        }
        List<ProviderReport> items;
        try {
            items = body == null || body.isBlank() ? null : Json.mapper().readerFor(REPORTS)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(body);
        } catch (JsonProcessingException e) {
            items = null;
        }
        if (items == null) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(ErrorBody.of("the body must be a JSON array of {type, sendId, bounce, at}")).build();
        }
        return Response.ok(reports.handle(provider, items)).build();
    }

    private boolean authentic(String given) {
        return secret.isPresent() && given != null
                && MessageDigest.isEqual(secret.get(), given.getBytes(StandardCharsets.UTF_8));
    }
}
