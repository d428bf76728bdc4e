package dev.triggerforge.server.campaigns;

import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.rules.simulation.SimulationRun;
import dev.triggerforge.server.experiments.ExperimentLog;
import dev.triggerforge.server.testing.EmbeddedServices;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/** A rule's campaign numbers over a period, from its sends and the feedback on them, against a recorded baseline. */
@QuarkusTest
@TestProfile(EmbeddedServices.class)
class CampaignKpiTest {

    @AfterEach
    void backToTheLibrary() {
        given().post("/api/rulesets/1/activate").then().statusCode(200);
    }

    @Test
    void aRulesOpensClicksConversionsAndRevenueAreCountedOncePerSendAndComparedWithItsBaseline() throws Exception {
        String rule = "kpi-" + UUID.randomUUID().toString().substring(0, 8);
        RuleSet ruleSet = ExperimentLog.ruleSet(ExperimentLog.trigger(rule, null, List.of()));
        ExperimentLog.deploy(ruleSet);
        ExperimentLog log = ExperimentLog.customers(rule, 40);
        ExperimentLog.feed(log.profiles, List.of());
        Instant from = Instant.now().minusSeconds(5);
        ExperimentLog.feed(List.of(), log.addCartsNow());
        SimulationRun decided = ExperimentLog.simulate(ruleSet, log.carts, log.profiles,
                Instant.now().plus(Duration.ofMinutes(1)));
        List<CustomerEvent> feedback = ExperimentLog.feedback(decided, 0.5, Map.of("none", 0.5), 1, 0);
        List<CustomerEvent> twice = new ArrayList<>(feedback);
        feedback.stream().filter(e -> e.type().name().equals("email_open"))
                .map(e -> CustomerEvent.of(e.eventId() + "-again", e.customerId(), e.type(),
                        e.occurredAt().plusSeconds(1), e.properties()))
                .forEach(twice::add);
        ExperimentLog.waitUntilPast(twice);
        ExperimentLog.feed(List.of(), twice);
        long opens = count(feedback, "email_open");
        long clicks = count(feedback, "email_click");
        long purchases = count(feedback, "purchase");
        assertThat(opens).isBetween(10L, 30L);
        assertThat(purchases).isPositive();

        Instant to = Instant.now().plusSeconds(60);
        await().atMost(Duration.ofSeconds(30)).until(() -> kpis(rule, from, to).getLong("[0].triggered.conversions")
                == purchases);
        JsonPath kpi = kpis(rule, from, to);
        assertThat(kpi.getLong("[0].triggered.sends")).isEqualTo(40);
        assertThat(kpi.getLong("[0].triggered.delivered")).isEqualTo(40);
        assertThat(kpi.getLong("[0].triggered.opens")).isEqualTo(opens);
        assertThat(kpi.getLong("[0].triggered.clicks")).isEqualTo(clicks);
        assertThat(kpi.getDouble("[0].triggered.revenue")).isCloseTo(59.9 * purchases, within(1e-6));
        assertThat(kpi.getDouble("[0].triggered.openRate.value")).isCloseTo(opens / 40.0, within(1e-9));
        assertThat(kpi.getString("[0].baseline")).isNull();

        given().contentType(ContentType.JSON).body("""
                        {"ruleId": "%s", "label": "October newsletter", "from": "2026-10-01T00:00:00Z",
                         "to": "2026-10-31T00:00:00Z", "recipients": 10000, "opens": 2000, "clicks": 300,
                         "conversions": 50, "revenue": 2995.00}""".formatted(rule))
                .post("/api/campaigns/baselines").then().statusCode(201);
        JsonPath compared = kpis(rule, from, to);
        assertThat(compared.getDouble("[0].baseline.openRate.value")).isEqualTo(0.2);
        assertThat(compared.getDouble("[0].baseline.conversionRateRatio"))
                .isCloseTo((purchases / 40.0) / 0.005, within(1e-9));
        assertThat(compared.getDouble("[0].baseline.revenuePerRecipientRatio"))
                .isCloseTo((59.9 * purchases / 40) / 0.2995, within(1e-6));
        assertThat(compared.getDouble("[0].baseline.conversionPValue")).isBetween(0.0, 1.0);
        assertThat(kpis(rule, to, to.plus(Duration.ofDays(1))).getList("$")).isEmpty();
    }

    @Test
    void aBaselineThatCannotBeTrueOrABadPeriodIsRefusedWithTheReason() {
        given().contentType(ContentType.JSON).body("""
                        {"ruleId": "x", "label": "bad", "from": "2026-10-01T00:00:00Z", "to": "2026-10-31T00:00:00Z",
                         "recipients": 10, "opens": 20, "clicks": 0, "conversions": 0, "revenue": 0}""")
                .post("/api/campaigns/baselines").then().statusCode(400)
                .body("error", containsString("must be between 0 and recipients"));
        given().get("/api/campaigns/kpis?from=yesterday").then().statusCode(400)
                .body("error", containsString("ISO-8601"));
        given().get("/api/campaigns/kpis?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z").then().statusCode(400);
    }

    private static JsonPath kpis(String rule, Instant from, Instant to) {
        return given().queryParam("rule", rule).queryParam("from", from.toString()).queryParam("to", to.toString())
                .get("/api/campaigns/kpis").then().statusCode(200).extract().jsonPath();
    }

    private static long count(List<CustomerEvent> events, String type) {
        return events.stream().filter(e -> e.type().name().equals(type)).count();
    }
}
