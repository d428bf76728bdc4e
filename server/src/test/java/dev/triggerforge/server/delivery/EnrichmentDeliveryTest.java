package dev.triggerforge.server.delivery;

import dev.triggerforge.server.delivery.enrichment.EnrichmentMetrics;
import dev.triggerforge.server.sends.SendRecord;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Send-time enrichment end to end: the dispatcher asks a real local stock endpoint before rendering, drops what sold
 * out, suppresses a send with nothing left, caches answers for the TTL and falls back on last known values.
 */
@QuarkusTest
@TestProfile(DeliveryProfiles.Enrichment.class)
class EnrichmentDeliveryTest {

    private static final Duration SEND = Duration.ofSeconds(10);

    FakeEmailApi api;
    FakeInventory inventory;

    @Inject
    OutboxFixture outbox;

    @Inject
    MeterRegistry registry;

    @Test
    void outOfStockLineIsDroppedAndTheCurrentPriceShown() {
        String shoe = sku("SHOE");
        String sock = sku("SOCK");
        inventory.stock(shoe, false, "129.95");
        inventory.stock(sock, true, "9.99");
        String to = address("dropped");

        String key = outbox.schedule("cart-abandonment", "c-dropped", cart("c-dropped", to, shoe, sock));
        SendRecord row = await().atMost(SEND).until(() -> outbox.find(key), r -> "sent".equals(r.status));

        assertEquals("fresh", row.enrichment);
        String html = api.receivedFor(to).get(0).body().path("html").asText();
        String text = api.receivedFor(to).get(0).body().path("text").asText();
        assertFalse(html.contains("Trail running shoes"), "the sold-out line is gone");
        assertTrue(html.contains("Merino socks"), html);
        assertTrue(text.contains("19.98"), "2 x 9.99 at the current price: " + text);
        assertFalse(text.contains("158.95"), "the stored total is not shown: " + text);
        given().get("/api/sends/" + key).then().statusCode(200).body("enrichment", equalTo("fresh"));
    }

    @Test
    void cartWithEveryLineOutOfStockIsSuppressedAndNeverSent() {
        String shoe = sku("SHOE");
        String sock = sku("SOCK");
        inventory.stock(shoe, false, null);
        inventory.stock(sock, false, null);
        String to = address("sold-out");
        double before = suppressed("cart-abandonment");

        String key = outbox.schedule("cart-abandonment", "c-sold-out", cart("c-sold-out", to, shoe, sock));
        SendRecord row = await().atMost(SEND).until(() -> outbox.find(key), r -> "suppressed".equals(r.status));

        assertEquals("out_of_stock", row.reason);
        assertEquals("fresh", row.enrichment);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(1))
                .until(() -> api.receivedFor(to).isEmpty());
        assertEquals(1, outbox.find(key).attempts, "a suppressed row is not claimed again");
        assertEquals(before + 1, suppressed("cart-abandonment"));
        given().get("/api/sends?status=suppressed&customerId=c-sold-out").then().statusCode(200)
                .body("idempotencyKey", hasItem(key)).body("[0].reason", equalTo("out_of_stock"));
        given().get("/api/customers/c-sold-out/timeline").then().statusCode(200)
                .body("findAll { it.kind == 'suppressed' }.what", hasItem("out_of_stock"));
    }

    @Test
    void slowProviderFallsBackOnLastKnownValuesAndTheSendSaysSo() {
        String sock = sku("SOCK");
        inventory.stock(sock, true, "9.99");
        String first = outbox.schedule("cart-abandonment", "c-slow", cart("c-slow", address("slow-1"), sock));
        await().atMost(SEND).until(() -> outbox.find(first), r -> "sent".equals(r.status));
        inventory.stock(sock, true, "11.00");
        inventory.delay(sock, 2500);
        double timeouts = count(EnrichmentMetrics.PROVIDER_FAILURES, "reason", "timeout");
        sleep(Duration.ofMillis(3200));

        String to = address("slow-2");
        String key = outbox.schedule("cart-abandonment", "c-slow", cart("c-slow", to, sock));
        SendRecord row = await().atMost(SEND).until(() -> outbox.find(key), r -> "sent".equals(r.status));

        assertTrue(row.enrichment.startsWith("stale: provider timeout, values from "), row.enrichment);
        String text = api.receivedFor(to).get(0).body().path("text").asText();
        assertTrue(text.contains("19.98"), "the last known price, not the one the slow answer carries: " + text);
        assertEquals(timeouts + 1, count(EnrichmentMetrics.PROVIDER_FAILURES, "reason", "timeout"));
    }

    @Test
    void slowProviderWithNothingKnownLeavesTheStoredValues() {
        String sock = sku("SOCK");
        inventory.stock(sock, false, null);
        inventory.delay(sock, 2500);
        String to = address("unknown");

        String key = outbox.schedule("cart-abandonment", "c-unknown", cart("c-unknown", to, sock));
        SendRecord row = await().atMost(SEND).until(() -> outbox.find(key), r -> "sent".equals(r.status));

        assertEquals("unavailable: provider timeout", row.enrichment);
        assertTrue(api.receivedFor(to).get(0).body().path("html").asText().contains("Merino socks"));
    }

    @Test
    void cacheServesTheSecondSendAndExpiresAfterItsTtl() {
        String sock = sku("SOCK");
        inventory.stock(sock, true, "9.99");
        double hits = count(EnrichmentMetrics.CACHE_HITS);
        double misses = count(EnrichmentMetrics.CACHE_MISSES);

        assertEquals("fresh", sendCart("c-cache", sock).enrichment);
        assertEquals(1, inventory.askedAbout(sock));
        assertEquals("cached", sendCart("c-cache", sock).enrichment);
        assertEquals(1, inventory.askedAbout(sock), "the second send is served from the cache");
        assertEquals(hits + 1, count(EnrichmentMetrics.CACHE_HITS));
        assertEquals(misses + 1, count(EnrichmentMetrics.CACHE_MISSES));

        sleep(Duration.ofMillis(3200));
        assertEquals("fresh", sendCart("c-cache", sock).enrichment);
        assertEquals(2, inventory.askedAbout(sock), "after the TTL the provider is asked again");
        assertEquals(misses + 2, count(EnrichmentMetrics.CACHE_MISSES));
    }

    @Test
    void metricsAreExportedForPrometheus() {
        String sock = sku("SOCK");
        inventory.stock(sock, true, null);
        sendCart("c-metrics", sock);
        sendCart("c-metrics", sock);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(exported(metrics, "triggerforge_enrichment_cache_hits_total") >= 1, metrics);
        assertTrue(exported(metrics, "triggerforge_enrichment_cache_misses_total") >= 1, metrics);
        assertTrue(exported(metrics, "triggerforge_enrichment_latency_seconds_count") >= 2, metrics);
    }

    /** The value of an untagged series in the Prometheus text, or -1 when it is not there. */
    private static double exported(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + "(?:\\{[^}]*})? ([0-9.eE+-]+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    private SendRecord sendCart(String customerId, String... skus) {
        String key = outbox.schedule("cart-abandonment", customerId, cart(customerId, address(customerId), skus));
        return await().atMost(SEND).until(() -> outbox.find(key), r -> "sent".equals(r.status));
    }

    /** A cart of socks (2 x 14.50) alone, or of shoes (1 x 129.95, first sku) and socks (second sku), in EUR. */
    private static Map<String, Object> cart(String customerId, String to, String... skus) {
        List<Map<String, Object>> lines = skus.length == 1
                ? List.of(Variables.line(skus[0], "Merino socks", "14.50", 2, null))
                : List.of(Variables.line(skus[0], "Trail running shoes", "129.95", 1, null),
                Variables.line(skus[1], "Merino socks", "14.50", 2, null));
        Map<String, Object> cart = new LinkedHashMap<>();
        cart.put("id", "cart-" + customerId);
        cart.put("lines", lines);
        cart.put("itemCount", lines.stream().mapToInt(l -> (Integer) l.get("quantity")).sum());
        cart.put("total", lines.stream().map(l -> (BigDecimal) l.get("lineTotal")).reduce(BigDecimal.ZERO,
                BigDecimal::add));
        cart.put("currency", "EUR");
        Map<String, Object> vars = new HashMap<>();
        vars.put("customer", Variables.customer(customerId, to, "Ann"));
        vars.put("cart", cart);
        return vars;
    }

    private double suppressed(String rule) {
        return count(EnrichmentMetrics.SUPPRESSIONS, "rule", rule, "reason", EnrichmentMetrics.OUT_OF_STOCK);
    }

    private double count(String name, String... tags) {
        var counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    private static void sleep(Duration d) {
        await().pollDelay(d).atMost(d.plusSeconds(1)).until(() -> true);
    }

    private static String sku(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String address(String name) {
        return name + "." + UUID.randomUUID() + "@example.com";
    }
}
