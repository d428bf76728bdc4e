package dev.triggerforge.server.customers;

import dev.triggerforge.server.testing.Customers;
import dev.triggerforge.server.testing.EmbeddedServices;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Profile values from the API, imports and events merge by when they were observed, never by when they arrived. */
@QuarkusTest
@TestProfile(EmbeddedServices.class)
class ProfileFreshnessTest {

    private static final Instant T = Instant.parse("2026-11-01T10:00:00Z");

    @Test
    void anOlderStatementThroughTheApiIsRefusedAndTheVersionOnlyMovesOnChange() {
        String id = Customers.newId("fresh");
        JsonPath first = put(id, "{\"email\":\"ann@new.example\",\"marketingConsent\":true,\"observedAt\":\""
                + T.plusSeconds(60) + "\"}");
        JsonPath stale = put(id, "{\"email\":\"ann@old.example\",\"locale\":\"de\",\"observedAt\":\"" + T + "\"}");

        assertThat(first.getList("changed", String.class)).containsExactlyInAnyOrder("email", "marketingConsent");
        assertThat(stale.getList("stale", String.class)).containsExactly("email");
        assertThat(stale.getList("changed", String.class)).containsExactly("locale");
        assertThat(stale.getString("profile.email")).isEqualTo("ann@new.example");
        assertThat(stale.getLong("version")).isEqualTo(first.getLong("version") + 1);
        assertThat(stale.getString("profile.lastKnown.email.seenAt")).isEqualTo(T.plusSeconds(60).toString());
    }

    @Test
    void aJsonLinesImportReportsWhatItChangedWhatWasStaleAndWhichLinesAreUnusable() {
        String a = Customers.newId("imp");
        String b = Customers.newId("imp");
        put(a, "{\"email\":\"a@crm.example\",\"observedAt\":\"" + T.plusSeconds(3600) + "\"}");
        String file = String.join("\n",
                "{\"customerId\":\"" + a + "\",\"email\":\"a@older.example\",\"observedAt\":\"" + T + "\"}",
                "{\"customerId\":\"" + b + "\",\"email\":\"b@crm.example\",\"marketingConsent\":true,"
                        + "\"attributes\":{\"tier\":\"gold\"},\"observedAt\":\"" + T + "\"}",
                "{\"email\":\"nobody@crm.example\"}",
                "not json",
                "{\"customerId\":\"" + b + "\",\"timezone\":\"Mars/Olympus\"}");
        JsonPath report = given().contentType("application/x-ndjson").body(file.getBytes(StandardCharsets.UTF_8))
                .post("/api/customers/import").then().statusCode(200).extract().jsonPath();

        assertThat(report.getInt("lines")).isEqualTo(5);
        assertThat(report.getInt("changed")).isEqualTo(1);
        assertThat(report.getInt("withStaleValues")).isEqualTo(1);
        assertThat(report.getInt("rejected")).isEqualTo(3);
        assertThat(report.getList("details.findAll { it.error != null }.line", Integer.class))
                .containsExactly(3, 4, 5);
        assertThat(report.getString("details.find { it.line == 5 }.error")).contains("Mars/Olympus");
        assertThat(report.getList("details.find { it.line == 1 }.stale", String.class)).containsExactly("email");
        JsonPath stored = given().get("/api/customers/" + b).then().statusCode(200).extract().jsonPath();
        assertThat(stored.getString("profile.attributes.tier")).isEqualTo("gold");
        assertThat(stored.getBoolean("profile.marketingConsent")).isTrue();
        assertThat(given().get("/api/customers/" + a).jsonPath().getString("profile.email"))
                .isEqualTo("a@crm.example");
    }

    @Test
    void aCsvImportLosesToANewerEventAndExtraColumnsBecomeAttributes() {
        String id = Customers.newId("csv");
        Instant eventAt = Instant.now().minusSeconds(60);
        given().contentType(ContentType.JSON).body("{\"eventId\":\"" + id + "-upd\",\"customerId\":\"" + id
                        + "\",\"type\":\"profile_update\",\"occurredAt\":\"" + eventAt
                        + "\",\"properties\":{\"email\":\"" + id + "@app.example\"}}")
                .post("/api/events").then().statusCode(202);
        await().atMost(Duration.ofSeconds(15)).until(() -> given().get("/api/customers/" + id).statusCode() == 200);

        String csv = "customerId,email,marketingConsent,observedAt,tier\n"
                + id + "," + id + "@crm.example,yes," + eventAt.minusSeconds(3600) + ",silver\n"
                + id + ",,maybe,,\n";
        JsonPath report = given().contentType("text/csv").body(csv).post("/api/customers/import")
                .then().statusCode(200).extract().jsonPath();

        assertThat(report.getList("details.find { it.line == 2 }.stale", String.class)).containsExactly("email");
        assertThat(report.getList("details.find { it.line == 2 }.changed", String.class))
                .containsExactlyInAnyOrder("marketingConsent", "tier");
        assertThat(report.getString("details.find { it.line == 3 }.error")).contains("maybe");
        JsonPath stored = given().get("/api/customers/" + id).jsonPath();
        assertThat(stored.getString("profile.email")).isEqualTo(id + "@app.example");
        assertThat(stored.getString("profile.attributes.tier")).isEqualTo("silver");
        assertThat(given().contentType("text/csv").body("").post("/api/customers/import").statusCode())
                .isEqualTo(400);
    }

    private static JsonPath put(String id, String body) {
        return given().contentType(ContentType.JSON).body(body).put("/api/customers/" + id).then().statusCode(200)
                .extract().jsonPath();
    }
}
