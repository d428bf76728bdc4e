package dev.triggerforge.server.demo;

import dev.triggerforge.model.event.EventType;
import dev.triggerforge.server.demo.RecordingPublisher.Published;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo inside the application: after start-up it publishes the profiles, then the recent backlog, then live
 * events stamped with the moment they are published, at about the configured rate.
 */
@QuarkusTest
@TestProfile(DemoTrafficProfile.class)
class DemoTrafficTest {

    @Inject
    DemoTraffic demo;

    @Inject
    RecordingPublisher publisher;

    @Test
    void publishesProfilesThenTheBacklogThenLiveEvents() {
        assertTrue(demo.isRunning());
        await().atMost(Duration.ofSeconds(20)).until(() -> live(publisher.published()) >= 200);

        List<Published> all = publisher.published();
        for (int i = 0; i < DemoTrafficProfile.CUSTOMERS; i++) {
            assertEquals(EventType.PROFILE_UPDATE, all.get(i).event().type(), "profiles come first: " + all.get(i));
        }
        Published firstJourneyEvent = all.get(DemoTrafficProfile.CUSTOMERS);
        Duration age = Duration.between(firstJourneyEvent.event().occurredAt(), firstJourneyEvent.at());
        assertTrue(age.compareTo(Duration.ofMinutes(40)) > 0, "the backlog reaches back about 45 minutes: " + age);
        for (int i = 1; i < all.size(); i++) {
            assertTrue(!all.get(i).event().occurredAt().isBefore(all.get(i - 1).event().occurredAt()),
                    "published in occurredAt order: " + all.get(i));
        }
    }

    @Test
    void liveEventsComeAtAboutTheConfiguredRate() {
        await().atMost(Duration.ofSeconds(20)).until(() -> live(publisher.published()) >= 50);
        int before = live(publisher.published());
        Instant from = Instant.now();
        await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
        double seconds = Duration.between(from, Instant.now()).toMillis() / 1000.0;
        double rate = (live(publisher.published()) - before) / seconds;
        assertTrue(rate > 100 && rate < 300, "events per second, configured 200: " + rate);
    }

    /** The events published within a second of when they occurred. */
    private static int live(List<Published> published) {
        return (int) published.stream()
                .filter(p -> Duration.between(p.event().occurredAt(), p.at()).abs().toMillis() < 1_000)
                .count();
    }
}
