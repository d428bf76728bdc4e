package dev.triggerforge.rules.simulation;

import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.model.report.RejectedLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A bad line in a recorded file is reported with its number and reason, and the rest is still read. */
class EventFilesTest {

    @TempDir
    Path dir;

    @Test
    void badEventLinesAreReportedAndSkipped() throws IOException {
        Path file = dir.resolve("events.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"eventId\":\"e1\",\"customerId\":\"c1\",\"type\":\"signup\",\"occurredAt\":\"2026-03-10T09:00:00Z\"}",
                "{\"eventId\":\"e2\",\"customerId\":\"c1\",\"type\":\"signup\"",
                "{\"eventId\":\"e3\",\"type\":\"cart_add\",\"occurredAt\":\"yesterday\",\"properties\":{\"sku\":\"A\"}}",
                "",
                "{\"eventId\":\"e4\",\"customerId\":\"c2\",\"type\":\"page_view\",\"occurredAt\":\"2026-03-10T09:01:00Z\"}"));
        EventFiles.Loaded<CustomerEvent> loaded = EventFiles.readEvents(file);
        assertThat(loaded.records()).extracting(CustomerEvent::eventId).containsExactly("e1", "e4");
        assertThat(loaded.rejected()).extracting(RejectedLine::line).containsExactly(2L, 3L);
        assertThat(loaded.rejected().get(0).error()).contains("malformed_json");
        assertThat(loaded.rejected().get(1).error()).contains("$.customerId").contains("$.occurredAt");
        assertThat(loaded.rejected()).allSatisfy(r -> {
            assertThat(r.file()).isEqualTo("events.jsonl");
            assertThat(r.error()).doesNotContain("Exception").doesNotContain("\tat ");
        });
    }

    @Test
    void badProfileLinesAreReportedAndSkipped() throws IOException {
        Path file = dir.resolve("profiles.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"customerId\":\"c1\",\"email\":\"c1@example.com\",\"marketingConsent\":true}",
                "{\"customerId\":\"c2\",\"marketingConsent\":\"maybe\"}",
                "{\"email\":\"nobody@example.com\"}"));
        EventFiles.Loaded<CustomerProfile> loaded = EventFiles.readProfiles(file);
        assertThat(loaded.records()).extracting(CustomerProfile::customerId).containsExactly("c1");
        assertThat(loaded.rejected()).extracting(RejectedLine::line).containsExactly(2L, 3L);
    }
}
