package dev.triggerforge.model.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.decision.Explanation;
import dev.triggerforge.model.decision.Suppression;
import dev.triggerforge.model.decision.SuppressionReason;
import dev.triggerforge.model.experiment.BanditSnapshot;
import dev.triggerforge.model.optimization.PolicySnapshot;
import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.model.profile.ObservedValue;
import dev.triggerforge.model.ruleset.DrlSource;
import dev.triggerforge.model.ruleset.GuardrailSettings;
import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.model.trigger.Condition;
import dev.triggerforge.model.trigger.EventMatch;
import dev.triggerforge.model.trigger.GuardrailOverrides;
import dev.triggerforge.model.trigger.Operator;
import dev.triggerforge.model.trigger.Repeat;
import dev.triggerforge.model.trigger.Subject;
import dev.triggerforge.model.trigger.TriggerSpec;
import dev.triggerforge.model.trigger.Variant;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

class ModelJsonRoundTripTest {

    private static final ObjectMapper MAPPER = Json.mapper();
    private static final Instant AT = Instant.parse("2026-11-23T09:00:00Z");

    static TriggerSpec abandonedCart() {
        return new TriggerSpec("abandoned-cart", "Abandoned cart", "Remind after two hours", 10, Subject.CART,
                new EventMatch("cart_add", List.of(new Condition("price", Operator.GTE, new BigDecimal("50.00")),
                        new Condition("category", Operator.EQ, "shoes"), new Condition("sku", Operator.EXISTS, null))),
                new Repeat(2, Duration.ofDays(1)), Duration.ofHours(2), List.of(EventMatch.of("cart_add")),
                List.of(EventMatch.of("purchase"), EventMatch.of("cart_remove")), Duration.ofDays(7), "tpl-cart",
                List.of("firstName", "cart.lines"),
                List.of(new Variant("a", 45, false, "tpl-cart", null, Map.of()),
                        new Variant("b", 45, false, "tpl-cart-b", Duration.ofHours(4), Map.of("discount", 10)),
                        new Variant("holdout", 10, true, null, null, null)),
                new GuardrailOverrides(false, null));
    }

    private static <T> T roundTrip(T value, Class<T> type) throws Exception {
        return MAPPER.readValue(MAPPER.writeValueAsString(value), type);
    }

    @Test
    void triggerSpec() throws Exception {
        TriggerSpec spec = abandonedCart();

        assertThat(roundTrip(spec, TriggerSpec.class)).isEqualTo(spec);
        assertThat(MAPPER.writeValueAsString(spec)).contains("\"wait\":\"PT2H\"", "\"op\":\"gte\"");
    }

    @Test
    void minimalTriggerSpec() throws Exception {
        TriggerSpec spec = new TriggerSpec("welcome", "Welcome", null, 0, Subject.CUSTOMER, EventMatch.of("signup"),
                null, null, null, null, null, "tpl-welcome", null, null, null);

        assertThat(roundTrip(spec, TriggerSpec.class)).isEqualTo(spec);
    }

    @Test
    void customerProfile() throws Exception {
        CustomerProfile profile = CustomerProfile.unknown("c-42")
                .withEmail("ann@example.com").withTimezone("Europe/Berlin").withLocale("de-DE").withConsent(true)
                .observe("lastViewedSku", "SKU-1", AT)
                .observe("lastOrderTotal", new BigDecimal("39.80"), AT.plusSeconds(60));
        CustomerProfile withAttributes = new CustomerProfile(profile.customerId(), profile.email(),
                profile.timezone(), profile.locale(), profile.marketingConsent(),
                Map.of("tier", "gold", "vip", true), profile.lastKnown());

        assertThat(roundTrip(withAttributes, CustomerProfile.class)).isEqualTo(withAttributes);
        assertThat(roundTrip(CustomerProfile.unknown("c-1"), CustomerProfile.class))
                .isEqualTo(CustomerProfile.unknown("c-1"));
        assertThat(MAPPER.writeValueAsString(withAttributes)).doesNotContain("\"zone\"");
    }

    @Test
    void observedValue() throws Exception {
        ObservedValue value = new ObservedValue(List.of("a", "b"), AT);

        assertThat(roundTrip(value, ObservedValue.class)).isEqualTo(value);
    }

    @Test
    void emailDecision() throws Exception {
        EmailDecision decision = new EmailDecision("abandoned-cart:c-42:cart-1", "abandoned-cart", "c-42", "tpl-cart",
                "b", AT.plus(Duration.ofHours(2)), Map.of("firstName", "Ann", "cartTotal", new BigDecimal("39.80"),
                "items", List.of(Map.of("sku", "SKU-1"))), List.of("e-1", "e-2"));

        assertThat(roundTrip(decision, EmailDecision.class)).isEqualTo(decision);
    }

    @Test
    void explainedDecisionKeepsItsProbabilitiesAndReasons() throws Exception {
        Explanation why = new Explanation("locale=de|new", Map.of("a", 0.855, "b", 0.045, "holdout", 0.1),
                "Segment 'locale=de|new' has 600 trials; chose 'a' with probability 85.5%.", AT,
                AT.minus(Duration.ofHours(4)), 0.41, "engages mostly at 19:00");
        EmailDecision decision = new EmailDecision("k", "cart", "c-42", "tpl", "a", AT, Map.of(), List.of("e-1"), why);
        EmailDecision plain = new EmailDecision("k", "cart", "c-42", "tpl", null, AT, Map.of(), List.of(),
                Explanation.NONE);

        assertThat(roundTrip(decision, EmailDecision.class)).isEqualTo(decision);
        assertThat(plain.explanation()).as("an empty explanation is no explanation").isNull();
        assertThat(MAPPER.writeValueAsString(plain)).doesNotContain("explanation");
        assertThat(MAPPER.writeValueAsString(why)).doesNotContain("empty");
    }

    @Test
    void adaptiveTriggerOptions() throws Exception {
        TriggerSpec spec = MAPPER.readValue("""
                {"id": "cart", "subject": "cart", "entry": {"eventType": "cart_add"}, "templateId": "t",
                 "allocation": "adaptive", "bestTimeWithin": "PT12H",
                 "variants": [{"id": "a", "weight": 1}, {"id": "b", "weight": 1}]}""", TriggerSpec.class);

        assertThat(spec.isAdaptive()).isTrue();
        assertThat(spec.bestTimeWithin()).isEqualTo(Duration.ofHours(12));
        assertThat(roundTrip(spec, TriggerSpec.class)).isEqualTo(spec);
        String json = MAPPER.writeValueAsString(spec);
        assertThat(json).contains("\"allocation\":\"adaptive\"").doesNotContain("\"adaptive\":");
        TriggerSpec fixed = MAPPER.readValue(json.replace("adaptive", "fixed"), TriggerSpec.class);
        assertThat(fixed.allocation()).as("fixed is the default and not written").isNull();
    }

    @Test
    void policySnapshot() throws Exception {
        PolicySnapshot policy = new PolicySnapshot(AT, Map.of("cart", new BanditSnapshot(10, List.of(
                new BanditSnapshot.Segment("*", Map.of("a", new BanditSnapshot.Arm(3, 40)))))),
                Map.of("locale=en", java.util.Collections.nCopies(24, 5L)));

        assertThat(roundTrip(policy, PolicySnapshot.class)).isEqualTo(policy);
    }

    @Test
    void suppression() throws Exception {
        Suppression suppression = new Suppression("abandoned-cart", "c-42", AT, SuppressionReason.FREQUENCY_CAP,
                "2 trigger emails in the last 24h", List.of("e-1"));
        Suppression bare = new Suppression("welcome", "c-1", AT, SuppressionReason.NO_CONSENT, null, null);

        assertThat(roundTrip(suppression, Suppression.class)).isEqualTo(suppression);
        assertThat(roundTrip(bare, Suppression.class)).isEqualTo(bare);
        assertThat(MAPPER.writeValueAsString(suppression)).contains("\"reason\":\"frequency_cap\"");
    }

    @Test
    void guardrailSettings() throws Exception {
        GuardrailSettings custom = new GuardrailSettings(3, Duration.ofDays(7), LocalTime.of(22, 30),
                LocalTime.of(7, 0));
        GuardrailSettings noQuietHours = new GuardrailSettings(0, null, LocalTime.NOON, LocalTime.NOON);

        assertThat(roundTrip(GuardrailSettings.DEFAULTS, GuardrailSettings.class)).isEqualTo(GuardrailSettings.DEFAULTS);
        assertThat(roundTrip(custom, GuardrailSettings.class)).isEqualTo(custom);
        assertThat(roundTrip(noQuietHours, GuardrailSettings.class)).isEqualTo(noQuietHours);
        assertThat(MAPPER.writeValueAsString(custom)).contains("\"quietStart\":\"22:30:00\"")
                .doesNotContain("quietHoursDisabled");
    }

    @Test
    void ruleSet() throws Exception {
        RuleSet ruleSet = new RuleSet("shop-rules", List.of(new DrlSource("cart.drl", "package rules;\n")),
                List.of(abandonedCart()), new GuardrailSettings(1, Duration.ofHours(12), null, null));

        assertThat(roundTrip(ruleSet, RuleSet.class)).isEqualTo(ruleSet);
        assertThat(roundTrip(new RuleSet("empty", null, null, null), RuleSet.class))
                .isEqualTo(new RuleSet("empty", null, null, null));
    }
}
