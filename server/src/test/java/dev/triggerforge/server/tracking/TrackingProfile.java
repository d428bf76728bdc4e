package dev.triggerforge.server.tracking;

import dev.triggerforge.server.delivery.GreenMailResource;
import dev.triggerforge.server.testing.EmbeddedServices;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The embedded services with the dispatcher on, sending through GreenMail, a webhook secret, and an own in-memory
 * database, so tracked links can be followed from an email that really went out.
 */
public class TrackingProfile extends EmbeddedServices {

    static final String WEBHOOK_SECRET = "test-webhook-secret";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.h2.jdbc.url",
                "jdbc:h2:mem:tracking;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                "triggerforge.delivery.enabled", "true",
                "triggerforge.delivery.provider", "smtp",
                "triggerforge.delivery.poll-interval", "100ms",
                "triggerforge.delivery.from", "Outdoor Shop <news@shop.example.com>",
                "quarkus.mailer.mock", "false",
                "triggerforge.webhooks.secret", WEBHOOK_SECRET);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        List<TestResourceEntry> resources = new ArrayList<>(super.testResources());
        resources.add(new TestResourceEntry(GreenMailResource.class));
        return resources;
    }
}
