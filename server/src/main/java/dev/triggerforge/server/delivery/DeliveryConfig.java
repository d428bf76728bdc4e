package dev.triggerforge.server.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every delivery setting, under the prefix {@code triggerforge.delivery}, with defaults that send nothing off the
 * machine (the {@code log} provider) so a fresh install can run the whole pipeline safely.
 */
@ConfigMapping(prefix = "triggerforge.delivery")
public interface DeliveryConfig {

    /** Start the dispatcher with the application; the test profile turns it off unless a test asks for it. */
    @WithDefault("true")
    boolean enabled();

    /** Pause between two polls of the outbox when the previous one found nothing more to do. */
    @WithDefault("500ms")
    Duration pollInterval();

    /** Most rows one poll claims. */
    @WithDefault("50")
    int batchSize();

    /**
     * How long a claimed row stays invisible to other dispatchers; longer than the slowest provider call, since a
     * row whose lease runs out is sent again.
     */
    @WithDefault("2m")
    Duration lease();

    /** Attempts after which a transient failure becomes permanent. */
    @WithDefault("8")
    int maxAttempts();

    Backoff backoff();

    /** log (default, nothing leaves the machine), smtp or http. */
    @WithDefault("log")
    ProviderKind provider();

    /** Sender of every email; its domain also names the Message-ID. */
    @WithDefault("TriggerForge Demo Shop <no-reply@localhost>")
    String from();

    /** Base URL of the shop the emails link to. */
    @WithDefault("http://localhost:8080/shop")
    String shopUrl();

    /** Shop name shown in emails. */
    @WithDefault("TriggerForge Demo Shop")
    String shopName();

    /** ISO 4217 code of amounts whose decision names no currency (a product view carries none). */
    @WithDefault("USD")
    String currency();

    /** Template ids the server offers; each needs email/{id}.html, email/{id}.subject.txt and email/{id}.txt. */
    @WithDefault("cart-abandonment,browse-abandonment,post-purchase,welcome")
    List<String> templates();

    CircuitBreaker circuitBreaker();

    Log log();

    Smtp smtp();

    Http http();

    /** The choice of provider adapter. */
    enum ProviderKind {
        LOG, SMTP, HTTP;

        public String code() {
            return name().toLowerCase();
        }
    }

    interface Backoff {
        /** Delay before the second attempt; doubles with every attempt. */
        @WithDefault("30s")
        Duration base();

        /** Longest delay between two attempts. */
        @WithDefault("1h")
        Duration max();
    }

    /** Read by SmallRye Fault Tolerance through the bridge in application.properties. */
    interface CircuitBreaker {
        /** Calls in the rolling window that decides whether the circuit opens. */
        @WithDefault("20")
        int requestVolumeThreshold();

        /** Share of transient failures in that window that opens the circuit. */
        @WithDefault("0.5")
        double failureRatio();

        /** Milliseconds the circuit stays open before letting a trial call through. */
        @WithDefault("30000")
        long delayMs();
    }

    interface Log {
        /** Most sends per second. */
        @WithDefault("1000")
        int rateLimit();
    }

    interface Smtp {
        /** Most sends per second. */
        @WithDefault("20")
        int rateLimit();

        /** Longest wait for the SMTP server to accept one email. */
        @WithDefault("30s")
        Duration timeout();
    }

    interface Http {
        /** Most sends per second. */
        @WithDefault("50")
        int rateLimit();

        /** Endpoint that receives one JSON POST per email; required with provider http. */
        Optional<String> url();

        /** Value of the Authorization header, e.g. "Bearer ..."; never logged. */
        Optional<String> authHeader();

        /** Longest wait for the whole HTTP exchange. */
        @WithDefault("10s")
        Duration timeout();
    }
}
