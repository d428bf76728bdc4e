package dev.triggerforge.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triggerforge.console.connection.ServerClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * What the live screens' tests arrange on the shared test server: one rule set, deployed once per test JVM, with a
 * fixed 50/50 experiment, an adaptive one and one to promote under ids unique to this run, and customers and events fed through the
 * API as a shop would.
 */
public final class LiveData {

    public static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    /** A fixed split: variants a and b, entered by {@code custom:console_ab}. */
    public static final String AB = "console-ab-" + RUN;
    /** An adaptive split: variants a and b, entered by {@code custom:console_bandit}. */
    public static final String BANDIT = "console-bandit-" + RUN;
    /** A fixed split for promotion, which ends it: variants a and b, entered by {@code custom:console_promote}. */
    public static final String PROMOTE = "console-promote-" + RUN;
    private static boolean deployed;

    private LiveData() {
    }

    public static ServerClient client() {
        return TestServer.shared().client();
    }

    /** Uploads and activates the rule set once. */
    public static synchronized void deploy() {
        if (deployed) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "console-live-" + RUN);
        body.put("comment", "console live-screen tests");
        body.put("drl", List.of());
        body.put("triggers", List.of(trigger("ab-" + RUN, AB, "custom:console_ab", "fixed", 10),
                trigger("bandit-" + RUN, BANDIT, "custom:console_bandit", "adaptive", 20),
                trigger("promote-" + RUN, PROMOTE, "custom:console_promote", "fixed", 30)));
        body.put("guardrails", Map.of("frequencyCap", 100, "frequencyWindow", "PT24H", "quietStart", "00:00",
                "quietEnd", "00:00"));
        long version = client().post("/api/rulesets", body).path("version").asLong();
        client().post("/api/rulesets/" + version + "/activate", null);
        deployed = true;
    }

    private static Map<String, Object> trigger(String id, String experiment, String entry, String allocation,
                                               int priority) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("id", id);
        t.put("name", "Console " + allocation + " test");
        t.put("priority", priority);
        t.put("subject", "customer");
        t.put("entry", Map.of("eventType", entry));
        t.put("wait", "PT1S");
        t.put("templateId", "welcome");
        t.put("experiment", experiment);
        t.put("allocation", allocation);
        t.put("variants", List.of(Map.of("id", "a", "weight", 50), Map.of("id", "b", "weight", 50)));
        return t;
    }

    /** Polls the server (off the JavaFX thread) until {@code condition} holds; fails after a minute. */
    public static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    /** Stores {@code count} consenting customers {@code prefix-0…}; returns their ids. */
    public static List<String> customers(String prefix, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = prefix + "-" + RUN + "-" + i;
            client().put("/api/customers/" + id, Map.of("email", id + "@example.com", "timezone", "Etc/GMT",
                    "locale", "en", "marketingConsent", true));
            ids.add(id);
        }
        return ids;
    }

    /** Posts one event of {@code type} per customer, stamped now; returns the server's answer. */
    public static JsonNode events(List<String> customers, String type) {
        List<Map<String, Object>> events = new ArrayList<>();
        Instant now = Instant.now();
        for (String c : customers) {
            events.add(Map.of("eventId", c + "-" + type.replace(':', '-') + "-" + now.toEpochMilli(),
                    "customerId", c, "type", type, "occurredAt", now.toString(), "properties", Map.of()));
        }
        return client().post("/api/events", events);
    }
}
