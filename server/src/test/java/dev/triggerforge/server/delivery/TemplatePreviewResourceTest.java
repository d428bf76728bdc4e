package dev.triggerforge.server.delivery;

import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.server.sends.SendStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** The preview API over HTTP: the template list, previews from sends, profiles or samples, and its 404s. */
@QuarkusTest
@TestProfile(DeliveryProfiles.Log.class)
class TemplatePreviewResourceTest {

    @Inject
    OutboxFixture outbox;

    @Test
    void listsTheTemplates() {
        given().when().get("/api/templates")
                .then().statusCode(200)
                .body("$", contains("cart-abandonment", "browse-abandonment", "post-purchase", "welcome"));
    }

    @Test
    void previewWithoutACustomerUsesClearlySampleData() {
        given().when().get("/api/templates/cart-abandonment/preview")
                .then().statusCode(200)
                .contentType(startsWith("text/html"))
                .body(allOf(containsString("Alex, you left something behind"),
                        containsString("Sample linen shirt"),
                        containsString("Preview: parts of this email show sample data.")));
    }

    @Test
    void previewForACustomerWithoutSendsUsesTheirProfileAndSampleData() {
        outbox.saveProfile(new CustomerProfile("c-clara", "clara@example.com", "Europe/Paris", "fr-FR", true,
                Map.of("firstName", "Clara"), Map.of()));

        given().queryParam("customerId", "c-clara").when().get("/api/templates/browse-abandonment/preview")
                .then().statusCode(200)
                .body(allOf(containsString("Clara, still thinking it over?"), containsString("Sample merino scarf"),
                        containsString("<html lang=\"fr-FR\""), containsString("Preview:")));
    }

    @Test
    void previewForACustomerWithASendShowsWhatTheyGot() {
        outbox.insert("cart-abandonment", "c-dora",
                Variables.cart(Variables.customer("c-dora", "dora@example.com", "Dora")), SendStatus.SENT,
                Instant.now());

        given().queryParam("customerId", "c-dora").when().get("/api/templates/cart-abandonment/preview")
                .then().statusCode(200)
                .body(allOf(containsString("Dora, you left something behind"), containsString("Trail running shoes"),
                        not(containsString("Sample")), not(containsString("Preview:"))));
    }

    @Test
    void rendersADecisionsOwnVariables() {
        given().contentType("application/json")
                .body(Variables.cart(Variables.customer("c-emil", "emil@example.com", "Emil")))
                .when().post("/api/templates/cart-abandonment/render")
                .then().statusCode(200)
                .body("subject", containsString("Emil"))
                .body("html", allOf(containsString("Emil, you left something behind"),
                        containsString("Trail running shoes"), not(containsString("Preview:"))))
                .body("text", containsString("Trail running shoes"));
        given().contentType("application/json").body("{}")
                .when().post("/api/templates/birthday/render")
                .then().statusCode(404).body("error", equalTo("unknown template birthday"));
    }

    @Test
    void unknownTemplateIsA404WithAJsonReason() {
        given().when().get("/api/templates/birthday/preview")
                .then().statusCode(404)
                .contentType("application/json")
                .body("error", equalTo("unknown template birthday"));
    }

    @Test
    void unknownCustomerIsA404WithAJsonReason() {
        given().queryParam("customerId", "ghost").when().get("/api/templates/welcome/preview")
                .then().statusCode(404)
                .contentType("application/json")
                .body("error", equalTo("unknown customer ghost"));
    }
}
