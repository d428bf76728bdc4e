package dev.triggerforge.server.optimization;

import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.event.EventType;
import dev.triggerforge.model.json.Json;
import dev.triggerforge.model.optimization.PolicySnapshot;
import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.model.trigger.TriggerSpec;
import dev.triggerforge.rules.experiment.VariantPicker;
import dev.triggerforge.server.experiments.ExperimentLog;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Adaptive optimization on the live server, through the API and the in-process broker: the first wave of carts is
 * split evenly, only one variant's emails get clicked, the next learning period's policy (stored once) counts that,
 * and the second wave goes mostly to the clicked variant, with the holdout unchanged and every send explained in the
 * timeline. A welcome with a best send time waits for the hour its customer reads in.
 */
@QuarkusTest
@TestProfile(OptimizationProfile.class)
class OptimizationLiveTest {

    private static final String EXPERIMENT = "opt-cart";

    private static TriggerSpec spec(String json) throws Exception {
        return Json.mapper().readValue(json, TriggerSpec.class);
    }

    private static RuleSet rules() throws Exception {
        TriggerSpec cart = spec("""
                {"id": "cart", "priority": 40, "subject": "cart", "entry": {"eventType": "cart_add"}, "wait": "PT2S",
                 "templateId": "cart-abandonment", "experiment": "%s", "allocation": "adaptive",
                 "variants": [{"id": "a", "weight": 45}, {"id": "b", "weight": 45},
                              {"id": "holdout", "weight": 10, "holdout": true}]}""".formatted(EXPERIMENT));
        TriggerSpec welcome = spec("""
                {"id": "welcome", "priority": 50, "subject": "customer", "entry": {"eventType": "signup"},
                 "templateId": "welcome", "bestTimeWithin": "PT24H"}""");
        return new RuleSet("adaptive", List.of(), List.of(cart, welcome), ExperimentLog.NO_QUIET_HOURS);
    }

    @Test
    void theNextPeriodSendsMostCustomersTheClickedVariantAndEverySendSaysWhy() throws Exception {
        ExperimentLog.deploy(rules());

        ExperimentLog first = ExperimentLog.customers("w1", 80);
        ExperimentLog.feed(first.profiles, first.addCartsNow());
        List<Map<String, Object>> firstSends = sendsOf("w1", first.profiles.size() * 8 / 10);
        List<CustomerEvent> clicks = new ArrayList<>();
        for (Map<String, Object> s : firstSends) {
            if ("b".equals(s.get("variant"))) {
                clicks.add(click(s));
            }
        }
        ExperimentLog.feed(List.of(), clicks);
        int bSends = clicks.size();
        int aSends = firstSends.size() - bSends;
        assertThat(bSends).isGreaterThan(10);
        assertThat(aSends).isGreaterThan(10);

        await().atMost(Duration.ofSeconds(30)).until(() -> policyCounts("b", "successes") == bSends
                && policyCounts("a", "trials") == aSends);

        ExperimentLog second = ExperimentLog.customers("w2", 200);
        ExperimentLog.feed(second.profiles, second.addCartsNow());
        List<Map<String, Object>> secondSends = sendsOf("w2", 160);
        long toB = secondSends.stream().filter(s -> "b".equals(s.get("variant"))).count();
        assertThat((double) toB / secondSends.size()).as("b's share of the second wave").isGreaterThan(0.85);

        assertThat(secondSends).allSatisfy(s -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> why = (Map<String, Object>) s.get("explanation");
            assertThat(why).containsEntry("segment", "locale=en|new").containsKey("policyAt");
            @SuppressWarnings("unchecked")
            Map<String, Number> p = (Map<String, Number>) why.get("variantProbabilities");
            assertThat(p.get("holdout").doubleValue()).isCloseTo(0.1, within(1e-6));
            assertThat(p.get("a").doubleValue()).isGreaterThanOrEqualTo(0.045 - 1e-6);
            assertThat((String) why.get("variantReason")).contains("chose '" + s.get("variant") + "'");
        });
        TriggerSpec cart = rules().triggers().get(0);
        List<String> heldOut = second.profiles.stream().map(CustomerProfile::customerId)
                .filter(id -> VariantPicker.pick(EXPERIMENT, id, cart.variants()).holdout()).toList();
        assertThat(secondSends).noneMatch(s -> heldOut.contains((String) s.get("customerId")));

        String customer = (String) secondSends.get(0).get("customerId");
        JsonPath timeline = given().get("/api/customers/" + customer + "/timeline").then().statusCode(200)
                .extract().jsonPath();
        assertThat(timeline.getList("findAll { it.kind == 'decision' }.explanation.variantReason", String.class))
                .singleElement().asString().contains("chose '");
        assertThat(timeline.getList("findAll { it.kind == 'decision' }.detail", String.class))
                .singleElement().asString().contains("Variant: ");

        List<Map<String, Object>> allocation = given().get("/api/optimization/experiments/" + EXPERIMENT
                + "/allocation").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(allocation).isNotEmpty();
        Map<String, Object> last = allocation.get(allocation.size() - 1);
        Number pooledB = (Number) ((Map<?, ?>) ((Map<?, ?>) last.get("bySegment")).get("*")).get("b");
        assertThat(pooledB.doubleValue()).isGreaterThan(0.8);

        JsonPath offPolicy = given().get("/api/optimization/experiments/" + EXPERIMENT + "/off-policy?window=PT10S")
                .then().statusCode(200).extract().jsonPath();
        assertThat(offPolicy.getDouble("alwaysVariant.b.ips"))
                .as("always b earns more than what was sent").isGreaterThan(offPolicy.getDouble("loggedRate"));
        assertThat(offPolicy.getDouble("alwaysVariant.a.ips")).isLessThan(offPolicy.getDouble("loggedRate"));
    }

    @Inject
    PolicyStore store;

    /** Two instances computing the same period: the primary key keeps the first, and the second gets it back. */
    @Test
    void aPeriodsPolicyIsStoredOnceForAllInstances() {
        Instant period = Instant.parse("2099-01-01T00:00:00Z");
        PolicySnapshot first = new PolicySnapshot(period, Map.of(), Map.of("locale=en",
                java.util.Collections.nCopies(24, 1L)));
        PolicySnapshot second = PolicySnapshot.empty(period);

        PolicyRecord stored = store.storeFirst(first, "instance-a", Instant.now());
        PolicyRecord raced = store.storeFirst(second, "instance-b", Instant.now());

        assertThat(raced.computedBy).isEqualTo("instance-a");
        assertThat(PolicyStore.snapshot(raced)).isEqualTo(first).isEqualTo(PolicyStore.snapshot(stored));
        assertThat(store.latest(period.plusSeconds(1)).map(r -> r.computedBy)).contains("instance-a");
    }

    @Test
    void aWelcomeWaitsForTheHourItsCustomerReadsIn() throws Exception {
        ExperimentLog.deploy(rules());
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        int later = (now.getHour() + 3) % 24;
        List<CustomerProfile> people = ExperimentLog.customers("reader", 2).profiles;
        List<CustomerEvent> history = new ArrayList<>();
        for (int d = 5; d >= 1; d--) {
            history.add(open("reader-0", now.minusDays(d).withMinute(10)));
            history.add(open("reader-0", now.minusDays(d).plusHours(1).withMinute(10)));
            history.add(open("reader-1", now.minusDays(d).withHour(later).withMinute(10)));
        }
        ExperimentLog.feed(people, history);
        Instant signedUp = Instant.now();
        ExperimentLog.feed(List.of(), List.of(
                CustomerEvent.of("signup-0", "reader-0", EventType.SIGNUP, signedUp, Map.of()),
                CustomerEvent.of("signup-1", "reader-1", EventType.SIGNUP, signedUp, Map.of())));

        await().atMost(Duration.ofSeconds(20)).until(() -> welcomes().size() == 1 && waiting("reader-1") != null);

        Map<String, Object> sent = welcomes().get(0);
        assertThat(sent.get("customerId")).isEqualTo("reader-0");
        assertThat(Duration.between(signedUp, Instant.parse((String) sent.get("sendAt"))).abs())
                .as("reads in this hour: sent at once").isLessThan(Duration.ofSeconds(30));
        assertThat(sent.toString()).contains("engages mostly at");

        Map<String, Object> held = waiting("reader-1");
        Instant firesAt = Instant.parse((String) held.get("at"));
        ZonedDateTime local = firesAt.atZone(ZoneOffset.UTC);
        assertThat(local.getHour()).isEqualTo(later);
        assertThat(local.truncatedTo(ChronoUnit.HOURS)).isEqualTo(local);
        assertThat(firesAt).isBetween(signedUp, signedUp.plus(Duration.ofHours(24)));
        assertThat((String) held.get("ruleId")).isEqualTo("welcome");
        @SuppressWarnings("unchecked")
        Map<String, Object> why = (Map<String, Object>) held.get("explanation");
        assertThat((String) why.get("sendTimeReason")).contains(String.format("%02d:00", later));
        assertThat((String) held.get("detail")).contains("held until " + firesAt);
    }

    /** The timeline line of the customer's pending wait, or null. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> waiting(String customer) {
        List<Map<String, Object>> entries = given().get("/api/customers/" + customer + "/timeline").then()
                .statusCode(200).extract().jsonPath().getList("$");
        return entries.stream().filter(e -> "waiting".equals(e.get("kind"))).findFirst().orElse(null);
    }

    private static CustomerEvent open(String customer, ZonedDateTime at) {
        return CustomerEvent.of(customer + "-open-" + at.toEpochSecond(), customer, EventType.EMAIL_OPEN,
                at.toInstant(), Map.of("sendId", "earlier-" + at.toEpochSecond()));
    }

    private static CustomerEvent click(Map<String, Object> send) {
        String key = (String) send.get("idempotencyKey");
        return CustomerEvent.of("click-" + Integer.toHexString(key.hashCode()), (String) send.get("customerId"),
                EventType.EMAIL_CLICK, Instant.parse((String) send.get("sendAt")).plusSeconds(3),
                Map.of("sendId", key, "ruleId", "cart", "templateId", "cart-abandonment"));
    }

    /** The cart sends of customers whose id starts with {@code prefix}, once there are at least {@code atLeast}. */
    private static List<Map<String, Object>> sendsOf(String prefix, int atLeast) throws InterruptedException {
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/sends?limit=1000&ruleId=cart").jsonPath()
                .<Map<String, Object>>getList("$").stream()
                .filter(s -> "scheduled".equals(s.get("status")) || "sent".equals(s.get("status")))
                .filter(s -> ((String) s.get("customerId")).startsWith(prefix + "-")).count() >= atLeast);
        Thread.sleep(1000);
        return given().get("/api/sends?limit=1000&ruleId=cart").jsonPath().<Map<String, Object>>getList("$").stream()
                .filter(s -> s.get("idempotencyKey") != null)
                .filter(s -> ((String) s.get("customerId")).startsWith(prefix + "-")).toList();
    }

    private static List<Map<String, Object>> welcomes() {
        return given().get("/api/sends?limit=1000&ruleId=welcome").jsonPath().<Map<String, Object>>getList("$")
                .stream().filter(s -> s.get("idempotencyKey") != null).toList();
    }

    /** A count of the arm in the pooled segment of the policy in use, 0 when there is none yet. */
    private static long policyCounts(String arm, String which) {
        JsonPath policy = given().get("/api/optimization/policy").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> segments = policy.getList("experiments.'" + EXPERIMENT + "'.segments");
        if (segments == null) {
            return 0;
        }
        return segments.stream().filter(s -> "*".equals(s.get("name")))
                .map(s -> (Map<?, ?>) ((Map<?, ?>) s.get("arms")).get(arm)).filter(java.util.Objects::nonNull)
                .mapToLong(a -> ((Number) a.get(which)).longValue()).findFirst().orElse(0);
    }
}
