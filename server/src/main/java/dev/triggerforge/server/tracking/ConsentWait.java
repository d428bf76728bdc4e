package dev.triggerforge.server.tracking;

import dev.triggerforge.server.customers.CustomerStore;
import dev.triggerforge.server.customers.StoredProfile;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Waits, within a bound, until the engine has stored a customer's profile without marketing consent, so a one-click
 * unsubscribe can answer only once it has taken effect.
 */
@ApplicationScoped
public class ConsentWait {

    private static final Duration POLL = Duration.ofMillis(100);

    private final CustomerStore customers;

    ConsentWait(CustomerStore customers) {
        this.customers = customers;
    }

    /** True once the stored profile shows no consent (or there is no profile to send to), false after {@code max}. */
    public boolean untilWithdrawn(String customerId, Duration max) {
        Instant deadline = Instant.now().plus(max);
        while (true) {
            Optional<StoredProfile> stored = customers.find(customerId);
            if (stored.isEmpty() || !stored.get().profile().marketingConsent()) {
                return true;
            }
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
