package dev.triggerforge.rules.compile;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.decision.Suppression;
import dev.triggerforge.model.decision.SuppressionReason;
import dev.triggerforge.model.json.Json;
import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.model.ruleset.DrlSource;
import dev.triggerforge.model.ruleset.GuardrailSettings;
import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.model.trigger.TriggerSpec;
import dev.triggerforge.rules.experiment.VariantPicker;
import dev.triggerforge.rules.session.Scenario;
import dev.triggerforge.rules.session.SessionOptions;
import dev.triggerforge.rules.session.WaitTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.triggerforge.rules.session.Scenario.T0;
import static dev.triggerforge.rules.session.Scenario.cartLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/** Run-time compilation: errors located in what the author wrote, hand-written DRL, guided conditions and variants. */
class RuleSetCompilerTest {

    private static final RuleSetCompiler COMPILER = new RuleSetCompiler();

    private static final String HEADER = """
            package shop.rules

            import dev.triggerforge.rules.fact.*
            global dev.triggerforge.rules.session.TriggerRuntime rt

            """;

    // line 8 is the pattern, line 9 'then': the missing ')' is noticed at 'then', column 1
    private static final String SYNTAX_ERROR = HEADER + """
            rule "broken"
            when
                $e : EventFact( type == "search"
            then
                System.out.println( $e );
            end
            """;

    // line 9 holds the pattern with the unknown field, starting at column 5
    private static final String UNKNOWN_FIELD = HEADER + """
            rule "unknown field"
            when

                $e : EventFact( nosuchField == "x" )
            then
            end
            """;

    private static final String VIP = HEADER + """
            rule "vip purchase"
            when
                $e : EventFact( type == "purchase", number( "total" ) >= 500.0 )
            then
                rt.send( "vip-thanks", $e.getCustomerId(), "order:" + $e.getOrderId(), "vip-thanks", 50,
                         java.util.Map.of( "orderId", $e.getOrderId() ), java.util.List.of( "customer.email" ),
                         java.util.List.of( $e.getEventId() ) );
            end
            """;

    private static RuleSet drl(DrlSource... sources) {
        return new RuleSet("test", List.of(sources), List.of(), GuardrailSettings.DEFAULTS);
    }

    private static RuleSet specs(TriggerSpec... specs) {
        return new RuleSet("test", List.of(), List.of(specs), GuardrailSettings.DEFAULTS);
    }

    private static TriggerSpec spec(String json) {
        try {
            return Json.mapper().readValue(json, TriggerSpec.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<CompileError> rejected(RuleSet ruleSet) {
        RuleSetRejectedException e = catchThrowableOfType(() -> COMPILER.compile(ruleSet),
                RuleSetRejectedException.class);
        assertThat(e).as("rule set should be rejected").isNotNull();
        assertThat(e.errors()).isNotEmpty();
        assertThat(e.getStackTrace()).as("rejections carry no stack trace").isEmpty();
        for (CompileError error : e.errors()) {
            assertThat(error.message()).isNotBlank().doesNotContain("\n").doesNotContain("\tat ")
                    .doesNotContain("Exception");
        }
        return e.errors();
    }

    @Test
    void aSyntaxErrorIsLocatedInTheAuthorsFile() {
        List<CompileError> errors = rejected(drl(new DrlSource("search.drl", SYNTAX_ERROR)));
        assertThat(errors).allSatisfy(e -> {
            assertThat(e.source()).isEqualTo("search.drl");
            assertThat(e.line()).isPositive();
        });
        assertThat(errors).anySatisfy(e -> {
            assertThat(e.line()).isEqualTo(9);
            assertThat(e.column()).isEqualTo(1);
            assertThat(e.message()).contains("then");
        });
    }

    @Test
    void anUnknownFieldIsLocatedAtItsPattern() {
        List<CompileError> errors = rejected(drl(new DrlSource("fields.drl", UNKNOWN_FIELD)));
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo("fields.drl");
            assertThat(e.line()).isEqualTo(9);
            assertThat(e.column()).isEqualTo(5);
            assertThat(e.message()).contains("nosuchField");
            assertThat(e.toString()).startsWith("fields.drl:9:5: ");
        });
    }

    @Test
    void everyErrorOfEveryFileIsReported() {
        String twoBadRules = UNKNOWN_FIELD + """

                rule "bad consequence"
                when
                    $e : EventFact( type == "search" )
                then
                    undefinedThing.call();
                end
                """;
        List<CompileError> errors = rejected(drl(new DrlSource("a.drl", SYNTAX_ERROR),
                new DrlSource("b.drl", twoBadRules), new DrlSource("fine.drl", VIP)));
        assertThat(errors).extracting(CompileError::source).contains("a.drl", "b.drl").doesNotContain("fine.drl");
        assertThat(errors).filteredOn(e -> e.source().equals("b.drl")).hasSize(2)
                .anySatisfy(e -> assertThat(e.line()).isEqualTo(9))
                .anySatisfy(e -> {
                    assertThat(e.line()).isBetween(13, 19); // Drools locates consequence errors at their rule
                    assertThat(e.message()).contains("undefinedThing");
                });
    }

    static Stream<Arguments> invalidSpecs() {
        return Stream.of(
                Arguments.of("unknown event type", new String[]{"""
                        {"id": "browse", "subject": "product", "entry": {"eventType": "product_viewed"},
                         "templateId": "t"}"""}, "trigger:browse", "entry.eventType: unknown event type 'product_viewed'"),
                Arguments.of("missing templateId", new String[]{"""
                        {"id": "hello", "subject": "customer", "entry": {"eventType": "signup"}}"""},
                        "trigger:hello", "templateId: is required"),
                Arguments.of("duplicate id", new String[]{"""
                        {"id": "dup", "subject": "customer", "entry": {"eventType": "signup"}, "templateId": "t"}""",
                        """
                        {"id": "dup", "subject": "order", "entry": {"eventType": "purchase"}, "templateId": "t"}"""},
                        "trigger:dup", "id: 'dup' is used by another trigger"),
                Arguments.of("negative wait", new String[]{"""
                        {"id": "soon", "subject": "customer", "entry": {"eventType": "signup"}, "wait": "-PT5M",
                         "templateId": "t"}"""}, "trigger:soon", "wait: must be between PT0S and P90D"),
                Arguments.of("repeat count 1", new String[]{"""
                        {"id": "once", "subject": "product", "entry": {"eventType": "product_view"},
                         "repeat": {"count": 1, "within": "PT1H"}, "templateId": "t"}"""},
                        "trigger:once", "repeat.count: must be between 2 and 50"),
                Arguments.of("numeric operator with text", new String[]{"""
                        {"id": "big", "subject": "cart",
                         "entry": {"eventType": "cart_add", "conditions": [{"property": "price", "op": "gte", "value": "100"}]},
                         "templateId": "t"}"""}, "trigger:big", "entry.conditions[0].value: must be a number for 'gte'"),
                Arguments.of("subject and entry mismatch", new String[]{"""
                        {"id": "mixed", "subject": "cart", "entry": {"eventType": "product_view"}, "templateId": "t"}"""},
                        "trigger:mixed", "entry.eventType: 'product_view' cannot start a wait about a cart"),
                Arguments.of("unknown cancel event", new String[]{"""
                        {"id": "cancelled", "subject": "cart", "entry": {"eventType": "cart_add"},
                         "cancelOn": [{"eventType": "purchase"}, {"eventType": "bought"}], "templateId": "t"}"""},
                        "trigger:cancelled", "cancelOn[1].eventType: unknown event type 'bought'"),
                Arguments.of("two holdouts", new String[]{"""
                        {"id": "ab", "subject": "customer", "entry": {"eventType": "signup"}, "templateId": "t",
                         "variants": [{"id": "a", "weight": 1}, {"id": "h1", "weight": 1, "holdout": true},
                                      {"id": "h2", "weight": 1, "holdout": true}]}"""},
                        "trigger:ab", "variants[2].holdout: an experiment has at most one holdout group"),
                Arguments.of("parameter that is not a plain value", new String[]{"""
                        {"id": "ab", "subject": "customer", "entry": {"eventType": "signup"}, "templateId": "t",
                         "variants": [{"id": "a", "weight": 1, "parameters": {"discount": [10, 20]}}]}"""},
                        "trigger:ab", "variants[0].parameters.discount: must be text, a number or true/false"),
                Arguments.of("experiment id with spaces", new String[]{"""
                        {"id": "ab", "subject": "customer", "entry": {"eventType": "signup"}, "templateId": "t",
                         "experiment": "Nov test"}"""}, "trigger:ab", "experiment: must be 1-64 lower-case"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSpecs")
    void anInvalidSpecIsReportedAgainstItsField(String name, String[] json, String source, String message) {
        TriggerSpec[] specs = Arrays.stream(json).map(RuleSetCompilerTest::spec).toArray(TriggerSpec[]::new);
        List<CompileError> errors = rejected(specs(specs));
        assertThat(errors).anySatisfy(e -> {
            assertThat(e.source()).isEqualTo(source);
            assertThat(e.message()).startsWith(message);
            assertThat(e.line()).isZero();
        });
    }

    @Test
    void everyMistakeOfASpecIsReportedAtOnce() {
        List<CompileError> errors = rejected(specs(spec("""
                {"id": "messy", "subject": "cart", "entry": {"eventType": "product_view"}, "wait": "P91D",
                 "repeat": {"count": 1, "within": "PT1H"}}""")));
        assertThat(errors).extracting(CompileError::message).anyMatch(m -> m.startsWith("entry.eventType:"))
                .anyMatch(m -> m.startsWith("wait:")).anyMatch(m -> m.startsWith("repeat.count:"))
                .anyMatch(m -> m.startsWith("templateId:"));
        assertThat(errors).extracting(CompileError::source).containsOnly("trigger:messy");
    }

    @Test
    void aHandWrittenRuleSendsThroughTheGuardrails() throws RuleSetRejectedException {
        CompiledRuleSet rules = COMPILER.compile(drl(new DrlSource("vip.drl", VIP)));
        try (Scenario s = new Scenario(rules, SessionOptions.DEFAULTS, T0).customer("c1")) {
            s.session.putProfile(new CustomerProfile("c2", "c2@example.com", "UTC", "en", false, Map.of(), Map.of()));
            s.at(Duration.ofMinutes(1), "c1", "purchase", bigOrder("o1", "600.00"));
            s.at(Duration.ofMinutes(2), "c1", "purchase", bigOrder("o2", "20.00"));
            s.at(Duration.ofMinutes(3), "c1", "purchase", bigOrder("o3", "900.00"));
            s.at(Duration.ofMinutes(4), "c1", "purchase", bigOrder("o4", "700.00"));
            s.at(Duration.ofMinutes(5), "c2", "purchase", bigOrder("o5", "800.00"));

            assertThat(s.recorder.decisions).extracting(EmailDecision::idempotencyKey)
                    .containsExactly("vip-thanks|c1|order:o1", "vip-thanks|c1|order:o3");
            EmailDecision first = s.recorder.decisions.get(0);
            assertThat(first.ruleId()).isEqualTo("vip-thanks");
            assertThat(first.templateId()).isEqualTo("vip-thanks");
            assertThat(first.sendAt()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
            assertThat(first.variables()).containsEntry("orderId", "o1").containsKey("customer");
            assertThat(first.causedBy()).containsExactly("e1");
            assertThat(s.recorder.suppressions).extracting(sup -> sup.customerId() + ":" + sup.reason())
                    .containsExactly("c1:" + SuppressionReason.FREQUENCY_CAP, "c2:" + SuppressionReason.NO_CONSENT);
        }
    }

    private static Object[] bigOrder(String orderId, String total) {
        return new Object[]{"orderId", orderId, "lines", List.of(Scenario.props(cartLine("A", total))),
                "total", new BigDecimal(total), "currency", "EUR"};
    }

    @Test
    void anEntryConditionOnPriceOnlyStartsTheWaitWhenItHolds() {
        TriggerSpec bigCart = spec("""
                {"id": "big-cart", "priority": 45, "subject": "cart",
                 "entry": {"eventType": "cart_add", "conditions": [{"property": "price", "op": "gte", "value": 100}]},
                 "wait": "PT30M", "cancelOn": [{"eventType": "purchase"}], "templateId": "big-cart",
                 "requires": ["cart.lines"]}""");
        try (Scenario s = new Scenario(Scenario.compile(specs(bigCart)), SessionOptions.DEFAULTS, T0)
                .customer("c1").customer("c2")) {
            s.at(Duration.ZERO, "c1", "cart_add", cartLine("CHEAP", "99.99"));
            s.at(Duration.ZERO, "c2", "cart_add", cartLine("CHEAP", "99.99"));
            s.at(Duration.ofMinutes(10), "c2", "cart_add", cartLine("PRICEY", "100"));
            s.advance(Duration.ofHours(2));
            assertThat(s.recorder.decisions).singleElement().satisfies(d -> {
                assertThat(d.customerId()).isEqualTo("c2");
                assertThat(d.sendAt()).isEqualTo(T0.plus(Duration.ofMinutes(40)));
            });
        }
    }

    @Test
    void anEntryConditionOnCategoryOnlyStartsTheWaitWhenItHolds() {
        TriggerSpec shoes = spec("""
                {"id": "shoe-view", "subject": "product",
                 "entry": {"eventType": "product_view", "conditions": [{"property": "category", "op": "eq", "value": "shoes"}]},
                 "wait": "PT15M", "templateId": "shoes"}""");
        try (Scenario s = new Scenario(Scenario.compile(specs(shoes)), SessionOptions.DEFAULTS, T0).customer("c1")) {
            s.at(Duration.ZERO, "c1", "product_view", "sku", "HAT", "category", "hats");
            s.at(Duration.ZERO, "c1", "product_view", "sku", "SOCK");
            s.at(Duration.ofMinutes(1), "c1", "product_view", "sku", "BOOT", "category", "shoes");
            s.advance(Duration.ofHours(1));
            assertThat(s.recorder.decisions).singleElement().satisfies(d -> {
                assertThat(d.idempotencyKey()).isEqualTo("shoe-view|c1|sku:BOOT");
                assertThat(d.sendAt()).isEqualTo(T0.plus(Duration.ofMinutes(16)));
            });
        }
    }

    @Test
    void aConditionValueWithQuotesAndBackslashesMatchesLiterally() {
        TriggerSpec promo = spec("""
                {"id": "promo", "subject": "customer",
                 "entry": {"eventType": "custom:promo.seen",
                           "conditions": [{"property": "label", "op": "eq", "value": "Men's \\"Best\\" \\\\ ${x}"}]},
                 "templateId": "promo"}""");
        try (Scenario s = new Scenario(Scenario.compile(specs(promo)), SessionOptions.DEFAULTS, T0)
                .customer("c1").customer("c2")) {
            s.at(Duration.ZERO, "c1", "custom:promo.seen", "label", "Men's \"Best\" \\ ${x}");
            s.at(Duration.ZERO, "c2", "custom:promo.seen", "label", "Men's Best");
            assertThat(s.recorder.decisions).extracting(EmailDecision::customerId).containsExactly("c1");
        }
    }

    @Test
    void generatedDrlIsExposedPerTrigger() {
        CompiledRuleSet rules = Scenario.libraryRules();
        assertThat(rules.generatedDrl()).containsOnlyKeys("cart-abandonment", "browse-abandonment", "post-purchase",
                "welcome");
        assertThat(rules.generatedDrl().get("browse-abandonment")).contains("package ")
                .contains("rule \"browse-abandonment: ").contains("\"product_view\"");
        assertThat(rules.longestWait()).isEqualTo(Duration.ofDays(3));
    }

    private static final String AB_TEST = """
            {"id": "welcome-ab", "subject": "customer", "entry": {"eventType": "signup"}, "templateId": "welcome",
             "variants": [{"id": "plain", "weight": 50}, {"id": "fancy", "weight": 50, "templateId": "welcome-fancy"}]}""";

    @Test
    void variantsAreStickyAndSplitByWeight() {
        Map<String, String> first = variantsOf(Scenario.compile(specs(spec(AB_TEST))), 2000);
        Map<String, String> second = variantsOf(Scenario.compile(specs(spec(AB_TEST))), 2000);
        assertThat(second).isEqualTo(first);
        long fancy = first.values().stream().filter("fancy"::equals).count();
        assertThat(fancy).isBetween(900L, 1100L);
        assertThat(first.values()).containsOnly("plain", "fancy");
    }

    /** Signs up {@code n} consenting customers and returns the variant each one's welcome went out in. */
    private static Map<String, String> variantsOf(CompiledRuleSet rules, int n) {
        try (Scenario s = new Scenario(rules, SessionOptions.DEFAULTS, T0)) {
            for (int i = 0; i < n; i++) {
                s.customer("c" + i);
                s.at(Duration.ofSeconds(i * 60L), "c" + i, "signup");
            }
            s.advance(Duration.ofDays(3));
            assertThat(s.recorder.suppressions).isEmpty();
            assertThat(s.recorder.decisions).hasSize(n).allSatisfy(d -> assertThat(d.templateId())
                    .isEqualTo("fancy".equals(d.variant()) ? "welcome-fancy" : "welcome"));
            return s.recorder.decisions.stream().collect(Collectors.toMap(EmailDecision::customerId,
                    EmailDecision::variant));
        }
    }

    @Test
    void aVariantsOwnWaitChangesTheSendTime() {
        TriggerSpec spec = spec("""
                {"id": "cart-ab", "subject": "cart", "entry": {"eventType": "cart_add"}, "wait": "PT30M",
                 "templateId": "cart", "variants": [{"id": "fast", "weight": 1}, {"id": "slow", "weight": 1, "wait": "PT2H"}]}""");
        String slowCustomer = customerIn(spec, "slow");
        String fastCustomer = customerIn(spec, "fast");
        try (Scenario s = new Scenario(Scenario.compile(specs(spec)), SessionOptions.DEFAULTS, T0)
                .customer(slowCustomer).customer(fastCustomer)) {
            s.at(Duration.ZERO, slowCustomer, "cart_add", cartLine("A", "10.00"));
            s.at(Duration.ZERO, fastCustomer, "cart_add", cartLine("A", "10.00"));
            s.advance(Duration.ofHours(3));
            assertThat(s.recorder.decisions).extracting(EmailDecision::customerId, EmailDecision::variant,
                    EmailDecision::sendAt).containsExactly(
                    tuple(fastCustomer, "fast", T0.plus(Duration.ofMinutes(30))),
                    tuple(slowCustomer, "slow", T0.plus(Duration.ofHours(2))));
        }
    }

    @Test
    void aHoldoutVariantIsSuppressedAsHoldout() {
        TriggerSpec spec = spec("""
                {"id": "welcome-holdout", "subject": "customer", "entry": {"eventType": "signup"}, "templateId": "welcome",
                 "variants": [{"id": "control", "weight": 1, "holdout": true}, {"id": "treated", "weight": 1}]}""");
        String held = customerIn(spec, "control");
        String treated = customerIn(spec, "treated");
        try (Scenario s = new Scenario(Scenario.compile(specs(spec)), SessionOptions.DEFAULTS, T0)
                .customer(held).customer(treated)) {
            s.at(Duration.ZERO, held, "signup");
            s.at(Duration.ZERO, treated, "signup");
            s.at(Duration.ofMinutes(5), held, "signup");
            s.advance(Duration.ofHours(1));
            assertThat(s.recorder.decisions).extracting(EmailDecision::customerId, EmailDecision::variant)
                    .containsExactly(tuple(treated, "treated"));
            assertThat(s.recorder.suppressions).singleElement().satisfies(sup -> {
                assertThat(sup.customerId()).isEqualTo(held);
                assertThat(sup.ruleId()).isEqualTo("welcome-holdout");
                assertThat(sup.reason()).isEqualTo(SuppressionReason.HOLDOUT);
                assertThat(sup.at()).isEqualTo(T0);
            });
        }
    }

    /** Everyone held out of a welcome, and two one-shot nudges on custom events. */
    private static final CompiledRuleSet HOLDOUT_AND_TWO_NUDGES = Scenario.compile(specs(
            spec("""
                    {"id": "welcome-holdout", "subject": "customer", "entry": {"eventType": "signup"},
                     "templateId": "welcome", "variants": [{"id": "control", "weight": 1, "holdout": true}]}"""),
            spec("""
                    {"id": "nudge-a", "subject": "customer", "entry": {"eventType": "custom:a"}, "templateId": "nudge-a"}"""),
            spec("""
                    {"id": "nudge-b", "subject": "customer", "entry": {"eventType": "custom:b"}, "templateId": "nudge-b"}""")));

    @Test
    void aHoldoutDoesNotCountTowardTheFrequencyCap() {
        try (Scenario s = new Scenario(HOLDOUT_AND_TWO_NUDGES, SessionOptions.DEFAULTS, T0).customer("c1")) {
            s.at(Duration.ZERO, "c1", "signup");
            s.at(Duration.ofMinutes(1), "c1", "custom:a");
            s.at(Duration.ofMinutes(2), "c1", "custom:b");
            assertThat(s.recorder.suppressions).extracting(Suppression::reason)
                    .containsExactly(SuppressionReason.HOLDOUT);
            assertThat(s.recorder.decisions).extracting(EmailDecision::ruleId).containsExactly("nudge-a", "nudge-b");
        }
    }

    @Test
    void aHoldoutIsOnlyRecordedForCustomersWhoWouldHaveBeenSentTo() {
        try (Scenario s = new Scenario(HOLDOUT_AND_TWO_NUDGES, SessionOptions.DEFAULTS, T0).customer("c1")) {
            s.at(Duration.ZERO, "c1", "custom:a");
            s.at(Duration.ofMinutes(1), "c1", "custom:b");
            s.at(Duration.ofMinutes(2), "c1", "signup");
            assertThat(s.recorder.suppressions).extracting(Suppression::ruleId, Suppression::reason)
                    .containsExactly(tuple("welcome-holdout", SuppressionReason.FREQUENCY_CAP));
        }
    }

    @Test
    void aDrlOnlyWaitSendsThroughItsDueAndIsNotReportedLapsed() {
        String winback = HEADER + """
                rule "winback start"
                when
                    $e : EventFact( type == "custom:lapsed" )
                then
                    rt.startWait( "winback", $e, "customer", 3600000L );
                end

                rule "winback send"
                when
                    $d : Due( triggerId == "winback" )
                then
                    rt.send( $d, "winback", 5, java.util.Map.of(), java.util.List.of( "customer.email" ) );
                end
                """;
        try (Scenario s = new Scenario(Scenario.compile(drl(new DrlSource("winback.drl", winback))),
                SessionOptions.DEFAULTS, T0).customer("c1")) {
            s.at(Duration.ZERO, "c1", "custom:lapsed");
            s.advance(Duration.ofMinutes(59));
            assertThat(s.recorder.decisions).isEmpty();
            s.advance(Duration.ofMinutes(60));
            assertThat(s.recorder.decisions).singleElement().satisfies(d -> {
                assertThat(d.idempotencyKey()).isEqualTo("winback|c1|customer");
                assertThat(d.sendAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
                assertThat(d.causedBy()).containsExactly("e1");
            });
            assertThat(s.recorder.waits).extracting(WaitTrace::kind).doesNotContain(WaitTrace.Kind.LAPSED);
        }
    }

    /** The first customer id (c0, c1, ...) the spec assigns to {@code variant}. */
    private static String customerIn(TriggerSpec spec, String variant) {
        for (int i = 0; ; i++) {
            if (VariantPicker.pick(spec.id(), "c" + i, spec.variants()).id().equals(variant)) {
                return "c" + i;
            }
        }
    }
}
