package dev.triggerforge.server.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.triggerforge.model.json.Json;
import dev.triggerforge.server.blocklist.BlockedAddress;
import dev.triggerforge.server.blocklist.Blocklist;
import dev.triggerforge.server.delivery.enrichment.Enricher;
import dev.triggerforge.server.delivery.enrichment.EnrichmentMetrics;
import dev.triggerforge.server.delivery.provider.DeliveryReceipt;
import dev.triggerforge.server.delivery.provider.OutgoingEmail;
import dev.triggerforge.server.delivery.provider.PermanentDeliveryException;
import dev.triggerforge.server.delivery.provider.ProviderGateway;
import dev.triggerforge.server.delivery.provider.SendIds;
import dev.triggerforge.server.delivery.provider.TransientDeliveryException;
import dev.triggerforge.server.delivery.render.EmailRenderer;
import dev.triggerforge.server.delivery.render.RenderedEmail;
import dev.triggerforge.server.delivery.render.UnknownTemplateException;
import dev.triggerforge.server.tracking.TrackedLinks;
import io.quarkus.qute.TemplateException;
import io.smallrye.faulttolerance.api.RateLimitException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * One attempt at one claimed row: check its items against live stock and prices, find the recipient, skip it if
 * the address is blocked, render with tracked links, hand to the provider, and write the outcome back (sent, retry
 * later with backoff, failed with a reason a user can read, or suppressed when nothing it would show is in stock).
 */
@ApplicationScoped
public class SendProcessor {

    private static final Logger LOG = Logger.getLogger(SendProcessor.class);
    private static final TypeReference<Map<String, Object>> VARIABLES = new TypeReference<>() {
    };

    /** What the rest of the batch should do: go on, or hold back for a while because the provider said so. */
    public record Verdict(Duration holdBack) {
        static final Verdict GO_ON = new Verdict(Duration.ZERO);

        public boolean goOn() {
            return holdBack.isZero();
        }
    }

    private final DeliveryConfig config;
    private final Outbox outbox;
    private final Recipients recipients;
    private final EmailRenderer renderer;
    private final ProviderGateway gateway;
    private final DeliveryMetrics metrics;
    private final Enricher enricher;
    private final EnrichmentMetrics enrichmentMetrics;
    private final Backoff backoff;
    private final Blocklist blocklist;
    private final TrackedLinks tracked;

    SendProcessor(DeliveryConfig config, Outbox outbox, Recipients recipients, EmailRenderer renderer,
                  ProviderGateway gateway, DeliveryMetrics metrics, Enricher enricher,
                  EnrichmentMetrics enrichmentMetrics, Blocklist blocklist, TrackedLinks tracked) {
        this.config = config;
        this.blocklist = blocklist;
        this.tracked = tracked;
        this.outbox = outbox;
        this.recipients = recipients;
        this.renderer = renderer;
        this.gateway = gateway;
        this.metrics = metrics;
        this.enricher = enricher;
        this.enrichmentMetrics = enrichmentMetrics;
        this.backoff = new Backoff(config.backoff().base(), config.backoff().max());
    }

    public Verdict process(ClaimedSend send) {
        Map<String, Object> variables;
        try {
            variables = Json.mapper().readValue(send.variables(), VARIABLES);
        } catch (JsonProcessingException e) {
            return fail(send, "variables are not valid JSON: " + e.getOriginalMessage());
        }
        if (!renderer.offers(send.templateId())) {
            return fail(send, new UnknownTemplateException(send.templateId()).getMessage());
        }
        Enricher.Result enriched = enricher.enrich(variables);
        if (enriched.note().isPresent() && !outbox.recordEnrichment(send, enriched.note().get())) {
            return Verdict.GO_ON;
        }
        if (enriched.nothingLeft()) {
            return outOfStock(send);
        }
        variables = enriched.variables();
        Optional<String> to = recipients.of(send.customerId(), variables);
        if (to.isEmpty()) {
            return fail(send, "no recipient address: the decision has no customer.email and customer "
                    + send.customerId() + " has no email on file");
        }
        Optional<BlockedAddress> blocked = blocklist.find(to.get());
        if (blocked.isPresent()) {
            return skipBlocked(send, blocked.get());
        }
        RenderedEmail rendered;
        try {
            rendered = renderer.renderSend(send.templateId(), variables, send.idempotencyKey());
        } catch (UnknownTemplateException e) {
            return fail(send, e.getMessage());
        } catch (TemplateException e) {
            return fail(send, "template " + send.templateId() + " could not be rendered: " + e.getMessage());
        }
        OutgoingEmail email = new OutgoingEmail(SendIds.of(send.idempotencyKey()), send.customerId(), send.ruleId(),
                send.templateId(), send.variant(), config.from(), to.get(), rendered.subject(), rendered.html(),
                rendered.text(), tracked.unsubscribe(send.idempotencyKey()));
        return deliver(send, email);
    }

    private Verdict skipBlocked(ClaimedSend send, BlockedAddress blocked) {
        String reason = "address blocked: " + blocked.reason + " on "
                + blocked.blockedAt.atOffset(ZoneOffset.UTC).toLocalDate();
        LOG.infof("Send %s not sent: %s", send.idempotencyKey(), reason);
        if (outbox.markFailed(send, reason)) {
            metrics.blocked();
        }
        return Verdict.GO_ON;
    }

    private Verdict deliver(ClaimedSend send, OutgoingEmail email) {
        try {
            DeliveryReceipt receipt = gateway.deliver(email);
            if (outbox.markSent(send, receipt)) {
                metrics.sent(gateway.providerName());
            }
            return Verdict.GO_ON;
        } catch (PermanentDeliveryException e) {
            return fail(send, e.getMessage());
        } catch (TransientDeliveryException e) {
            return retryOrFail(send, e.getMessage(), e.retryAfter());
        } catch (CircuitBreakerOpenException e) {
            Duration pause = Duration.ofMillis(config.circuitBreaker().delayMs());
            outbox.release(send, Instant.now().plus(pause));
            LOG.debugf("Circuit to provider %s is open; holding back sends for %s", gateway.providerName(), pause);
            return new Verdict(pause);
        } catch (RateLimitException e) {
            Duration pause = Duration.ofMillis(Math.max(e.getRetryAfterMillis(), 10));
            outbox.release(send, Instant.now().plus(pause));
            return new Verdict(pause);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Unexpected error sending %s", send.idempotencyKey());
            return retryOrFail(send, "unexpected error: " + e, Optional.empty());
        }
    }

    private Verdict retryOrFail(ClaimedSend send, String reason, Optional<Duration> retryAfter) {
        if (send.attempts() >= config.maxAttempts()) {
            return fail(send, "gave up after " + send.attempts() + " attempts: " + reason);
        }
        Duration delay = backoff.delay(send.attempts());
        Duration asked = retryAfter.map(d -> d.compareTo(config.backoff().max()) > 0 ? config.backoff().max() : d)
                .orElse(Duration.ZERO);
        if (asked.compareTo(delay) > 0) {
            delay = asked;
        }
        LOG.infof("Send %s attempt %d failed, retrying in %s: %s", send.idempotencyKey(), send.attempts(), delay,
                reason);
        if (outbox.reschedule(send, Instant.now().plus(delay), reason)) {
            metrics.retried(gateway.providerName());
        }
        return Verdict.GO_ON;
    }

    private Verdict outOfStock(ClaimedSend send) {
        LOG.infof("Send %s suppressed: every item it would show is out of stock", send.idempotencyKey());
        if (outbox.markSuppressed(send, EnrichmentMetrics.OUT_OF_STOCK)) {
            enrichmentMetrics.outOfStock(send.ruleId());
        }
        return Verdict.GO_ON;
    }

    private Verdict fail(ClaimedSend send, String reason) {
        LOG.warnf("Send %s failed for good: %s", send.idempotencyKey(), reason);
        if (outbox.markFailed(send, reason)) {
            metrics.failed(gateway.providerName());
        }
        return Verdict.GO_ON;
    }
}
