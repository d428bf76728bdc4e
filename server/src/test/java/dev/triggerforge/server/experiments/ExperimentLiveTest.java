package dev.triggerforge.server.experiments;

import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.report.ExperimentResult;
import dev.triggerforge.model.report.VariantResult;
import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.model.trigger.Variant;
import dev.triggerforge.rules.simulation.SimulationReports;
import dev.triggerforge.rules.simulation.SimulationRun;
import dev.triggerforge.server.testing.EmbeddedServices;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * An experiment on live traffic: the server, fed one event log through its API, reports the same numbers as the
 * simulator run on the same log; pausing and stopping change what new customers get and freeze the results; a clear
 * winner is promoted into a new rule-set version.
 */
@QuarkusTest
@TestProfile(EmbeddedServices.class)
class ExperimentLiveTest {

    private static final Variant SUBJECT = new Variant("subject", 45, false, null, null,
            Map.of("subjectLine", "Still thinking it over?"));
    private static final Variant DISCOUNT = new Variant("discount", 45, false, null, Duration.ofSeconds(5),
            Map.of("discount", 10));
    private static final Variant HOLDOUT = new Variant("holdout", 10, true, null, null, Map.of());

    @Inject
    AutoPromotion autoPromotion;
    @Inject
    Experiments experiments;
    @Inject
    ExperimentData data;

    @AfterEach
    void backToTheLibrary() {
        given().post("/api/rulesets/1/activate").then().statusCode(200);
    }

    @Test
    void theSameEventLogGivesTheSameResultsInSimulationAndLive() throws Exception {
        String experiment = unique("cart");
        RuleSet ruleSet = ExperimentLog.ruleSet(ExperimentLog.trigger("cart-test", experiment,
                List.of(SUBJECT, DISCOUNT, HOLDOUT)));
        ExperimentLog.deploy(ruleSet);
        ExperimentLog log = ExperimentLog.customers(experiment, 300);
        ExperimentLog.feed(log.profiles, List.of());
        ExperimentLog.feed(List.of(), log.addCartsNow());
        await().atMost(Duration.ofSeconds(60)).until(() -> exposures(experiment) == 300);
        SimulationRun decided = ExperimentLog.simulate(ruleSet, log.carts, log.profiles, Instant.now());
        List<CustomerEvent> feedback = ExperimentLog.feedback(decided, 0.6,
                Map.of("subject", 0.3, "discount", 0.5), 0.4, 0.2);
        ExperimentLog.waitUntilPast(feedback);
        ExperimentLog.feed(List.of(), feedback);

        List<CustomerEvent> all = new ArrayList<>(log.carts);
        all.addAll(feedback);
        Instant until = Instant.now();
        SimulationRun run = ExperimentLog.simulate(ruleSet, all, log.profiles, until);
        ExperimentResult simulated = SimulationReports.report(ExperimentLog.compile(ruleSet), run, all, List.of(),
                ExperimentLog.options(until)).experiments().get(0);
        AtomicReference<ExperimentResult> live = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            live.set(given().get("/api/experiments/" + experiment + "/results").then().statusCode(200)
                    .extract().as(ExperimentResult.class));
            assertThat(counts(live.get())).isEqualTo(counts(simulated));
        });

        assertThat(simulated.variants()).allSatisfy(v -> assertThat(v.sends()).isGreaterThan(10));
        assertThat(simulated.variants()).allSatisfy(v -> assertThat(v.conversions()).isPositive());
        assertThat(live.get()).usingRecursiveComparison()
                .withComparatorForType((a, b) -> Math.abs(a - b) < 1e-9 ? 0 : Double.compare(a, b), Double.class)
                .isEqualTo(simulated);
        given().get("/api/experiments/" + experiment).then().statusCode(200)
                .body("status", equalTo("running")).body("ruleId", equalTo("cart-test"));
    }

    @Test
    void aPausedExperimentSendsTheTriggersOwnEmailAndAStoppedOneKeepsItsResults() throws Exception {
        String experiment = unique("pause");
        RuleSet ruleSet = ExperimentLog.ruleSet(ExperimentLog.trigger("pause-test", experiment,
                List.of(SUBJECT, DISCOUNT)));
        ExperimentLog.deploy(ruleSet);
        ExperimentLog running = ExperimentLog.customers(experiment + "-a", 20);
        ExperimentLog.feed(running.profiles, List.of());
        ExperimentLog.feed(List.of(), running.addCartsNow());
        await().atMost(Duration.ofSeconds(30)).until(() -> variantsSent("pause-test", experiment + "-a").size() == 20);
        assertThat(variantsSent("pause-test", experiment + "-a").values()).containsOnly("subject", "discount");

        given().post("/api/experiments/" + experiment + "/pause").then().statusCode(200)
                .body("status", equalTo("paused"));
        ExperimentLog paused = ExperimentLog.customers(experiment + "-b", 10);
        ExperimentLog.feed(paused.profiles, List.of());
        ExperimentLog.feed(List.of(), paused.addCartsNow());
        await().atMost(Duration.ofSeconds(30)).until(() -> variantsSent("pause-test", experiment + "-b").size() == 10);
        assertThat(variantsSent("pause-test", experiment + "-b").values()).containsOnly("none");

        given().post("/api/experiments/" + experiment + "/stop").then().statusCode(200)
                .body("status", equalTo("stopped"));
        String frozen = given().get("/api/experiments/" + experiment + "/results").asString();
        SimulationRun decided = ExperimentLog.simulate(ruleSet, running.carts, running.profiles, Instant.now());
        ExperimentLog.feed(List.of(),
                ExperimentLog.feedback(decided, 1, Map.of("subject", 1.0, "discount", 1.0), 1, 0));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                clicks(data.measure(experiment, experiments.definitionOf(experiment))) == 20);
        assertThat(given().get("/api/experiments/" + experiment + "/results").asString()).isEqualTo(frozen);
        given().post("/api/experiments/" + experiment + "/resume").then().statusCode(409)
                .body("error", containsString("stopped"));
        given().post("/api/experiments/nothing-like-this/pause").then().statusCode(404);
    }

    @Test
    void aClearWinnerIsPromotedIntoANewVersionThatSendsItToEveryone() throws Exception {
        String experiment = unique("promo");
        RuleSet ruleSet = ExperimentLog.ruleSet(ExperimentLog.trigger("promo-test", experiment,
                List.of(SUBJECT, DISCOUNT)));
        ExperimentLog.deploy(ruleSet);
        given().contentType(ContentType.JSON)
                .body("{\"settings\":{\"primaryMetric\":\"click\",\"minimumSample\":40},\"autoPromote\":true}")
                .put("/api/experiments/" + experiment + "/settings").then().statusCode(200)
                .body("autoPromote", equalTo(true)).body("settings.minimumSample", equalTo(40));
        ExperimentLog log = ExperimentLog.customers(experiment, 200);
        ExperimentLog.feed(log.profiles, List.of());
        ExperimentLog.feed(List.of(), log.addCartsNow());
        await().atMost(Duration.ofSeconds(60)).until(() -> exposures(experiment) == 200);
        assertThat(autoPromotion.evaluate(experiment)).isNull();

        SimulationRun decided = ExperimentLog.simulate(ruleSet, log.carts, log.profiles, Instant.now());
        ExperimentLog.feed(List.of(),
                ExperimentLog.feedback(decided, 0.9, Map.of("subject", 0.1, "discount", 0.8), 0, 0));
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/api/experiments/" + experiment + "/results")
                .jsonPath().getString("recommendation.verdict").equals("winner"));
        assertThat(autoPromotion.evaluate(experiment)).isEqualTo("discount");

        Map<String, Object> after = given().get("/api/experiments/" + experiment).jsonPath().getMap("$");
        assertThat(after).containsEntry("status", "stopped");
        long promoted = ((Number) after.get("promotedVersion")).longValue();
        given().get("/api/rulesets").then().body("find { it.active }.version", equalTo((int) promoted));
        Map<String, Object> trigger = given().get("/api/rulesets/" + promoted).jsonPath()
                .getMap("ruleSet.triggers[0]");
        assertThat(trigger).doesNotContainKey("variants").containsEntry("wait", "PT5S");
        assertThat(trigger.get("parameters")).isEqualTo(Map.of("subjectLine", "You left something in your cart",
                "discount", 10));
        given().get("/api/rulesets/audit").then().body("actor", hasItem(AutoPromotion.ACTOR));
        assertThat(autoPromotion.evaluate(experiment)).isNull();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static long exposures(String experiment) {
        return given().get("/api/experiments/" + experiment + "/results").then().statusCode(200)
                .extract().as(ExperimentResult.class).variants().stream().mapToLong(VariantResult::sends).sum();
    }

    private static List<List<Long>> counts(ExperimentResult result) {
        return result.variants().stream().map(v -> List.of(v.sends(), v.delivered(), v.opens(), v.clicks(),
                v.conversions())).toList();
    }

    private static long clicks(ExperimentResult result) {
        return result.variants().stream().mapToLong(VariantResult::clicks).sum();
    }

    /** The variant of the rule's sends to customers whose id starts with {@code prefix} ("none": no variant). */
    private static Map<String, String> variantsSent(String ruleId, String prefix) {
        List<Map<String, Object>> sends = given().get("/api/sends?limit=1000&ruleId=" + ruleId).jsonPath()
                .getList("$");
        return sends.stream().filter(s -> ((String) s.get("customerId")).startsWith(prefix + "-"))
                .collect(Collectors.toMap(s -> (String) s.get("customerId"),
                        s -> s.get("variant") == null ? "none" : (String) s.get("variant")));
    }
}
