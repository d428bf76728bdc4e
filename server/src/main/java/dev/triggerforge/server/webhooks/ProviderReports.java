package dev.triggerforge.server.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.triggerforge.model.event.EventType;
import dev.triggerforge.model.json.Json;
import dev.triggerforge.server.blocklist.Blocklist;
import dev.triggerforge.server.delivery.Recipients;
import dev.triggerforge.server.sends.SendRecord;
import dev.triggerforge.server.tracking.FeedbackNotPublishedException;
import dev.triggerforge.server.tracking.FeedbackPublisher;
import dev.triggerforge.server.tracking.SendLookup;
import dev.triggerforge.server.tracking.TrackingMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns provider reports into {@code email_delivered} and {@code email_bounce} events about our sends, and blocks the
 * address of a hard bounce or a complaint so the dispatcher stops sending to it.
 */
@ApplicationScoped
public class ProviderReports {

    private static final Logger LOG = Logger.getLogger(ProviderReports.class);
    private static final Set<String> TYPES = Set.of("delivered", "bounce", "complaint");
    private static final TypeReference<Map<String, Object>> VARIABLES = new TypeReference<>() {
    };

    private final SendLookup sends;
    private final FeedbackPublisher feedback;
    private final Blocklist blocklist;
    private final Recipients recipients;
    private final TrackingMetrics metrics;

    ProviderReports(SendLookup sends, FeedbackPublisher feedback, Blocklist blocklist, Recipients recipients,
                    TrackingMetrics metrics) {
        this.sends = sends;
        this.feedback = feedback;
        this.blocklist = blocklist;
        this.recipients = recipients;
        this.metrics = metrics;
    }

    public ReportOutcome handle(String provider, List<ProviderReport> reports) {
        int accepted = 0;
        List<ReportOutcome.Rejected> rejected = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            ProviderReport report = reports.get(i);
            String type = report == null || !TYPES.contains(report.type()) ? "unknown" : report.type();
            Optional<String> problem = report == null ? Optional.of("the item is null") : handle(report);
            if (problem.isEmpty()) {
                accepted++;
                metrics.webhookItem(type, "accepted");
            } else {
                LOG.infof("Report %d from provider %s rejected: %s", i, provider, problem.get());
                rejected.add(new ReportOutcome.Rejected(i, report == null ? null : report.sendId(), problem.get()));
                metrics.webhookItem(type, "rejected");
            }
        }
        return new ReportOutcome(accepted, rejected);
    }

    /** Empty when the report was taken, else why not. */
    private Optional<String> handle(ProviderReport report) {
        if (!TYPES.contains(report.type())) {
            return Optional.of("type must be delivered, bounce or complaint");
        }
        if (report.sendId() == null || report.sendId().isBlank()) {
            return Optional.of("sendId is required");
        }
        String kind = "complaint".equals(report.type()) ? "complaint" : report.bounce();
        if ("bounce".equals(report.type()) && !"hard".equals(kind) && !"soft".equals(kind)) {
            return Optional.of("bounce must be hard or soft");
        }
        Optional<SendRecord> found = sends.byKeyOrMessageId(report.sendId());
        if (found.isEmpty()) {
            return Optional.of("unknown send");
        }
        SendRecord send = found.get();
        Instant at = report.at() == null ? Instant.now() : report.at();
        if ("hard".equals(kind) || "complaint".equals(kind)) {
            Optional<String> address = address(send);
            if (address.isEmpty()) {
                return Optional.of("the send has no recipient address to block");
            }
            blocklist.block(address.get(), "hard".equals(kind) ? Blocklist.HARD_BOUNCE : Blocklist.COMPLAINT,
                    send.idempotencyKey, at);
        }
        try {
            if ("delivered".equals(report.type())) {
                feedback.publish(send, EventType.EMAIL_DELIVERED, "delivered", at, Map.of());
            } else {
                feedback.publish(send, EventType.EMAIL_BOUNCE, kind + "\n" + at, at, "complaint".equals(kind)
                        ? Map.of("kind", kind) : Map.of("kind", kind, "bounceType", kind));
            }
        } catch (FeedbackNotPublishedException e) {
            return Optional.of("not recorded, send it again: " + e.getMessage());
        }
        return Optional.empty();
    }

    private Optional<String> address(SendRecord send) {
        Map<String, Object> variables;
        try {
            variables = Json.mapper().readValue(send.variables, VARIABLES);
        } catch (JsonProcessingException e) {
            variables = Map.of();
        }
        return recipients.of(send.customerId, variables);
    }
}
