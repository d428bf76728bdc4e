package dev.triggerforge.server.rulesets;

import dev.triggerforge.model.ruleset.DrlSource;
import dev.triggerforge.model.trigger.TriggerSpec;
import dev.triggerforge.rules.library.TriggerLibrary;
import dev.triggerforge.server.security.RuleSetBodies;
import dev.triggerforge.server.testing.Customers;
import dev.triggerforge.server.testing.EmbeddedServices;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Rule-set versions through the API against the live engine: rejection, activation, waits in flight, rollback. */
@QuarkusTest
@TestProfile(EmbeddedServices.class)
class DeploymentTest {

    @Test
    void aBrokenRuleSetIsRejectedWithItsPlaceAndTheRunningVersionKeepsServing() {
        long before = activeVersion();
        String broken = RuleSetBodies.json(new RuleSetUpload("broken", "typo", null,
                List.of(new DrlSource("broken.drl", "package custom\n\nrule \"x\"\nwhen\n  Nonsense( )\nthen\nend\n")),
                TriggerLibrary.specs(), null));
        given().contentType(ContentType.JSON).body(broken).post("/api/rulesets").then().statusCode(400)
                .body("errors[0].source", equalTo("broken.drl")).body("errors[0].line", equalTo(5))
                .body("error", equalTo("the rule set does not compile; the running version is unchanged"));

        assertThat(activeVersion()).isEqualTo(before);
        String customer = Customers.withConsent("still-serving");
        postEvent(Customers.cartAdd(customer + "-e1", customer, Instant.now().minus(Duration.ofMinutes(31))));
        awaitSends(customer, 1);
    }

    @Test
    void drlThatReachesOutsideTheModelIsRefusedWithTheLineAndTheReason() {
        String escape = RuleSetBodies.json(new RuleSetUpload("escape", "tries to stop the server", null,
                List.of(new DrlSource("exit.drl", "package custom\nimport dev.triggerforge.rules.fact.EventFact\n\n"
                        + "rule \"bye\"\nwhen\n  EventFact( )\nthen\n  System.exit(1);\nend\n")),
                TriggerLibrary.specs(), null));
        given().contentType(ContentType.JSON).body(escape).post("/api/rulesets").then().statusCode(400)
                .body("errors[0].source", equalTo("exit.drl")).body("errors[0].line", equalTo(8))
                .body("errors[0].message", containsString("System"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void templatesUploadedWithAVersionAreUsedWhileItIsActive() {
        EmailTemplate broken = new EmailTemplate("Hi", "<p>{#if customer.firstName}unclosed</p>", "Hi");
        given().contentType(ContentType.JSON).body(RuleSetBodies.json(new RuleSetUpload("bad-template", null, null,
                        List.of(), TriggerLibrary.specs(), null, Map.of("welcome", broken))))
                .post("/api/rulesets").then().statusCode(400).body("errors[0].source", equalTo("template:welcome.html"));

        EmailTemplate welcome = new EmailTemplate("Welcome aboard, {customer.firstName ?: 'friend'}",
                "<h1>UPLOADED-WELCOME for {customer.firstName ?: 'friend'}</h1>", "Welcome aboard");
        long version = given().contentType(ContentType.JSON).body(RuleSetBodies.json(new RuleSetUpload("new-welcome",
                        "new welcome email", null, List.of(), TriggerLibrary.specs(), null, Map.of("welcome", welcome))))
                .post("/api/rulesets").then().statusCode(201).extract().jsonPath().getLong("version");
        String customer = Customers.withConsent("template");
        assertThat(given().get("/api/templates/welcome/preview?customerId=" + customer).asString())
                .doesNotContain("UPLOADED-WELCOME");

        given().post("/api/rulesets/" + version + "/activate").then().statusCode(200);
        assertThat(given().get("/api/templates/welcome/preview?customerId=" + customer).asString())
                .contains("UPLOADED-WELCOME for Ann");

        given().post("/api/rulesets/1/activate").then().statusCode(200);
        assertThat(given().get("/api/templates/welcome/preview?customerId=" + customer).asString())
                .doesNotContain("UPLOADED-WELCOME");
    }

    @Test
    void anActivatedVersionDecidesFromTheNextEventAndWaitsInFlightGoOn() {
        String customer = Customers.withConsent("in-flight");
        postEvent(Customers.cartAdd(customer + "-e1", customer, Instant.now().minus(Duration.ofMinutes(29))
                .minusSeconds(56)));
        long version = upload(withCartWait(Duration.ofMinutes(45)), "continue");
        Map<String, Object> activation = given().post("/api/rulesets/" + version + "/activate").then().statusCode(200)
                .extract().jsonPath().getMap("$");
        assertThat(activation.get("version")).isEqualTo((int) version);

        List<Map<String, Object>> sends = awaitSends(customer, 1);
        assertThat(sends.get(0).get("ruleId")).isEqualTo("cart-abandonment");
        given().get("/api/rulesets/instances").then().body("ruleSetVersion", hasItem((int) version));
        given().get("/api/rulesets/audit").then().body("action", hasItem("activate"));

        String later = Customers.withConsent("after-swap");
        postEvent(Customers.cartAdd(later + "-e1", later, Instant.now().minus(Duration.ofMinutes(31))));
        given().get("/api/rulesets/diff?from=1&to=" + version).then().body("triggersChanged", hasItem("cart-abandonment"));
        try {
            Thread.sleep(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(sendsOf(later)).as("under a 45-minute wait a 31-minute-old cart is not due yet").isEmpty();

        given().post("/api/rulesets/rollback").then().statusCode(200);
        assertThat(activeVersion()).isNotEqualTo(version);
    }

    @Test
    void theCancelChangedPolicyCancelsWaitsOfChangedTriggers() {
        String customer = Customers.withConsent("cancelled");
        postEvent(Customers.cartAdd(customer + "-e1", customer, Instant.now().minus(Duration.ofMinutes(29))
                .minusSeconds(50)));
        await().atMost(Duration.ofSeconds(5)).until(() -> given().get("/api/customers/" + customer + "/timeline")
                .jsonPath().getList("kind").contains("event"));
        long version = upload(withCartWait(Duration.ofMinutes(40)), "cancel-changed");
        given().post("/api/rulesets/" + version + "/activate").then().statusCode(200);
        try {
            Thread.sleep(13_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(sendsOf(customer)).isEmpty();
        given().post("/api/rulesets/1/activate").then().statusCode(200);
    }

    private static String withCartWait(Duration wait) {
        List<TriggerSpec> specs = new ArrayList<>();
        for (TriggerSpec s : TriggerLibrary.specs()) {
            specs.add(!s.id().equals("cart-abandonment") ? s : new TriggerSpec(s.id(), s.name(), s.description(),
                    s.priority(), s.subject(), s.entry(), s.repeat(), wait, s.restartOn(), s.cancelOn(), s.oncePer(),
                    s.templateId(), s.requires(), s.variants(), s.guardrails()));
        }
        return RuleSetBodies.json(new RuleSetUpload("cart-" + wait.toMinutes(), "cart wait " + wait, null, List.of(),
                specs, null));
    }

    private static long upload(String body, String inFlight) {
        String withPolicy = body.replace("\"inFlight\":null", "\"inFlight\":\"" + inFlight + "\"");
        return given().contentType(ContentType.JSON).body(withPolicy).post("/api/rulesets").then().statusCode(201)
                .extract().jsonPath().getLong("version");
    }

    private static long activeVersion() {
        return given().get("/api/rulesets").jsonPath().getList("findAll { it.active }.version", Long.class).get(0);
    }

    private static ValidatableResponse postEvent(String event) {
        return given().contentType(ContentType.JSON).body(event).post("/api/events").then().statusCode(202);
    }

    private static List<Map<String, Object>> sendsOf(String customer) {
        List<Map<String, Object>> all = given().get("/api/sends?customerId=" + customer).jsonPath().getList("$");
        return all.stream().filter(s -> s.get("idempotencyKey") != null).toList();
    }

    private static List<Map<String, Object>> awaitSends(String customer, int count) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> sendsOf(customer), s -> s.size() >= count);
    }
}
