package dev.triggerforge.server.delivery.provider;

import dev.triggerforge.server.delivery.DeliveryConfig;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.faulttolerance.api.RateLimit;
import io.smallrye.faulttolerance.api.RateLimitException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

import java.time.temporal.ChronoUnit;

/**
 * The one door to the configured provider, so a circuit breaker and a rate limit guard every call whatever the
 * provider.
 */
@ApplicationScoped
public class ProviderGateway {

    /** Name of the circuit breaker, for {@link io.smallrye.faulttolerance.api.CircuitBreakerMaintenance}. */
    public static final String CIRCUIT = "triggerforge-delivery";

    private final EmailProvider provider;

    ProviderGateway(DeliveryConfig config, LogProvider log, SmtpProvider smtp, HttpProvider http) {
        this.provider = switch (config.provider()) {
            case LOG -> log;
            case SMTP -> smtp;
            case HTTP -> http;
        };
        provider.checkConfiguration();
    }

    /** Name of the provider in use, as stored on sent rows and in metrics. */
    public String providerName() {
        return provider.name();
    }

    /**
     * Hands the email to the provider. The circuit breaker counts transient failures only and the rate limit is the
     * provider's; their settings come from {@code triggerforge.delivery.circuit-breaker.*} and
     * {@code triggerforge.delivery.<provider>.rate-limit} through the bridge in application.properties.
     *
     * @throws org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException when the circuit is open
     * @throws RateLimitException when the limit is reached; in both cases the email was not attempted
     */
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30_000, delayUnit = ChronoUnit.MILLIS,
            failOn = {TransientDeliveryException.class, RuntimeException.class},
            skipOn = {PermanentDeliveryException.class, RateLimitException.class})
    @CircuitBreakerName(CIRCUIT)
    @RateLimit(value = 100, window = 1, windowUnit = ChronoUnit.SECONDS)
    public DeliveryReceipt deliver(OutgoingEmail email) throws TransientDeliveryException, PermanentDeliveryException {
        return provider.send(email);
    }
}
