package dev.triggerforge.server.events;

import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.json.EventCodec;
import dev.triggerforge.model.json.InvalidEventException;
import dev.triggerforge.server.api.ErrorBody;
import dev.triggerforge.server.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** The webhook way in for websites and CDPs: validated here, then onto the events exchange like any other event. */
@Path("/api/events")
@Tag(name = "Events")
public class EventResource {

    private static final long CONFIRM_TIMEOUT_SECONDS = 10;

    private final EventPublisher publisher;

    EventResource(EventPublisher publisher) {
        this.publisher = publisher;
    }

    /** What a 202 says: how many events the broker now holds, and their ids. */
    public record Accepted(int accepted, List<String> eventIds) {
    }

    @RolesAllowed(Role.MARKETER_NAME)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Accept one event or a JSON array of events",
            description = "202 once the broker has stored them; 400 with each field's path and problem otherwise.")
    public CompletionStage<Response> accept(String body) {
        List<CustomerEvent> events;
        try {
            events = EventCodec.decodeBatch(body);
        } catch (InvalidEventException e) {
            return CompletableFuture.completedFuture(Response.status(Response.Status.BAD_REQUEST)
                    .entity(ErrorBody.of("invalid event", e.errors())).build());
        }
        CompletableFuture<?>[] confirms = events.stream()
                .map(e -> publisher.publish(e).toCompletableFuture()).toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(confirms).orTimeout(CONFIRM_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .thenApply(done -> Response.accepted(new Accepted(events.size(),
                        events.stream().map(CustomerEvent::eventId).toList())).build())
                .exceptionally(failure -> Response.status(Response.Status.SERVICE_UNAVAILABLE)
                        .entity(ErrorBody.of("the broker did not confirm the events in time; send them again"))
                        .build());
    }
}
