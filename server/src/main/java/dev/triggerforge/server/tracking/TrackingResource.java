package dev.triggerforge.server.tracking;

import dev.triggerforge.model.event.EventType;
import dev.triggerforge.server.api.ErrorBody;
import dev.triggerforge.server.delivery.DeliveryConfig;
import dev.triggerforge.server.sends.SendRecord;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The links inside sent emails: open pixel, click redirect and unsubscribe. They are public, since anyone holding the
 * email may follow them, and trust nothing but the signature of the token.
 */
@Path("/t")
@Tag(name = "Email tracking")
public class TrackingResource {

    private static final Logger LOG = Logger.getLogger(TrackingResource.class);
    private static final byte[] PIXEL = Base64.getDecoder()
            .decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
    private static final Duration CONSENT_WAIT = Duration.ofSeconds(5);

    private final LinkSigner signer;
    private final SendLookup sends;
    private final FeedbackPublisher feedback;
    private final ConsentWait consent;
    private final TrackingMetrics metrics;
    private final String shopName;

    TrackingResource(LinkSigner signer, SendLookup sends, FeedbackPublisher feedback, ConsentWait consent,
                     TrackingMetrics metrics, DeliveryConfig delivery) {
        this.signer = signer;
        this.sends = sends;
        this.feedback = feedback;
        this.consent = consent;
        this.metrics = metrics;
        this.shopName = delivery.shopName();
    }

    @PermitAll
    @GET
    @Path("o/{token}")
    @Blocking
    @Operation(summary = "Open pixel", description = "Always a 1x1 transparent GIF; a valid token records email_open.")
    public Response open(@PathParam("token") String token) {
        Optional<SendRecord> send = send(token, LinkKind.OPEN).map(Hit::send);
        if (send.isPresent()) {
            Instant now = Instant.now();
            publish(LinkKind.OPEN, send.get(), EventType.EMAIL_OPEN, FeedbackPublisher.minute(now), now, Map.of());
        }
        return Response.ok(PIXEL, "image/gif")
                .header("Cache-Control", "no-cache, no-store, must-revalidate, max-age=0")
                .header("Pragma", "no-cache")
                .header("Expires", "0")
                .build();
    }

    @PermitAll
    @GET
    @Path("c/{token}")
    @Blocking
    @Operation(summary = "Click", description = "302 to the signed target, recording email_click; 400 for a token"
            + " this server did not sign.")
    public Response click(@PathParam("token") String token) {
        Optional<LinkToken> verified = signer.verify(token)
                .filter(t -> t.kind() == LinkKind.CLICK && TrackedLinks.isWeb(t.url()));
        if (verified.isEmpty()) {
            metrics.hit(LinkKind.CLICK, "invalid");
            return invalidLink();
        }
        String url = verified.get().url();
        Optional<SendRecord> send = sends.byKey(verified.get().sendKey());
        if (send.isPresent()) {
            Instant now = Instant.now();
            publish(LinkKind.CLICK, send.get(), EventType.EMAIL_CLICK, url + "\n" + FeedbackPublisher.minute(now),
                    now, Map.of("url", url));
        } else {
            metrics.hit(LinkKind.CLICK, "invalid");
        }
        return Response.status(Response.Status.FOUND).location(URI.create(url))
                .header("Cache-Control", "no-store").build();
    }

    @PermitAll
    @GET
    @Path("u/{token}")
    @Blocking
    @Operation(summary = "Unsubscribe page", description = "A confirmation page; nothing changes until it is posted.")
    public Response unsubscribePage(@PathParam("token") String token) {
        if (send(token, LinkKind.UNSUBSCRIBE).isEmpty()) {
            return invalidLink();
        }
        return html(200, "Unsubscribe from " + escape(shopName) + "?",
                "<p>You will no longer receive marketing emails from " + escape(shopName) + ".</p>"
                        + "<form method=\"post\" action=\"" + token + "\">"
                        + "<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
                        + "<button type=\"submit\">Unsubscribe</button></form>");
    }

    @PermitAll
    @POST
    @Path("u/{token}")
    @Blocking
    @Operation(summary = "One-click unsubscribe (RFC 8058)",
            description = "Records email_unsubscribe and answers 200 once the customer's consent is off.")
    public Response unsubscribe(@PathParam("token") String token) {
        Optional<Hit> hit = send(token, LinkKind.UNSUBSCRIBE);
        if (hit.isEmpty()) {
            return invalidLink();
        }
        SendRecord send = hit.get().send();
        Instant now = Instant.now();
        try {
            feedback.publish(send, EventType.EMAIL_UNSUBSCRIBE, FeedbackPublisher.minute(now), now, Map.of());
        } catch (FeedbackNotPublishedException e) {
            LOG.warnf("Unsubscribe of customer %s not recorded: %s", send.customerId, e.getMessage());
            metrics.hit(LinkKind.UNSUBSCRIBE, "unpublished");
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON)
                    .entity(ErrorBody.of("the unsubscribe could not be recorded just now; please try again")).build();
        }
        metrics.hit(LinkKind.UNSUBSCRIBE, "valid");
        if (!consent.untilWithdrawn(send.customerId, CONSENT_WAIT)) {
            return html(202, "Unsubscribe received", "<p>Your request is recorded and takes effect in a moment.</p>");
        }
        return html(200, "You are unsubscribed", "<p>You will no longer receive marketing emails from "
                + escape(shopName) + ".</p>");
    }

    /** A verified token of the expected kind and the send it names. */
    private record Hit(LinkToken token, SendRecord send) {
    }

    private Optional<Hit> send(String token, LinkKind kind) {
        Optional<Hit> hit = signer.verify(token).filter(t -> t.kind() == kind)
                .flatMap(t -> sends.byKey(t.sendKey()).map(s -> new Hit(t, s)));
        if (hit.isEmpty()) {
            metrics.hit(kind, "invalid");
        }
        return hit;
    }

    private void publish(LinkKind kind, SendRecord send, EventType type, String seed, Instant at,
                         Map<String, Object> extra) {
        try {
            feedback.publish(send, type, seed, at, extra);
            metrics.hit(kind, "valid");
        } catch (FeedbackNotPublishedException e) {
            LOG.warnf("%s of send %s not recorded: %s", type.name(), send.idempotencyKey, e.getMessage());
            metrics.hit(kind, "unpublished");
        }
    }

    private static Response invalidLink() {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                .entity(ErrorBody.of("this link is not valid: it was changed or not issued by this server")).build();
    }

    private static Response html(int status, String title, String body) {
        String page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + "</title></head>"
                + "<body style=\"font-family:sans-serif;max-width:480px;margin:48px auto;\"><h1>" + title + "</h1>"
                + body + "</body></html>";
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8")).entity(page)
                .header("Cache-Control", "no-store").build();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
