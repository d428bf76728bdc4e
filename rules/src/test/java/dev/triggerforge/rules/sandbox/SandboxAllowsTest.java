package dev.triggerforge.rules.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.json.Json;
import dev.triggerforge.model.ruleset.DrlSource;
import dev.triggerforge.model.ruleset.GuardrailSettings;
import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.model.trigger.TriggerSpec;
import dev.triggerforge.rules.compile.CompiledRuleSet;
import dev.triggerforge.rules.compile.RuleSetCompiler;
import dev.triggerforge.rules.compile.RuleSetRejectedException;
import dev.triggerforge.rules.library.TriggerLibrary;
import dev.triggerforge.rules.session.Scenario;
import dev.triggerforge.rules.session.SessionOptions;
import dev.triggerforge.rules.session.TriggerRuntime;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.triggerforge.rules.session.Scenario.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** What the sandbox must let through: the library, generated specs, and realistic hand-written DRL. */
class SandboxAllowsTest {

    private static final RuleSetCompiler COMPILER = new RuleSetCompiler();
    private static final DrlSandbox SANDBOX = new DrlSandbox(24);

    private static final String SHOP = """
            package shop.rules

            import dev.triggerforge.rules.fact.*
            import dev.triggerforge.model.event.EventType
            import java.util.ArrayList
            import java.util.HashMap
            import java.util.List
            import java.util.Map
            import java.time.Duration
            import java.math.BigDecimal
            global dev.triggerforge.rules.session.TriggerRuntime rt

            // Words in comments are not code: System.exit, Thread, java.io.File, getClass, while (true).
            /* Nor in block comments: Runtime.getRuntime().exec("rm") */

            declare Tier
                name : String
                minimum : double = Math.max( 0.0, 500.0 )
            end

            function String tierOf( double total ) {
                if ( total >= 1000.0 ) {
                    return "gold";
                }
                return total >= 500.0 ? "silver" : "none";
            }

            rule "vip thanks"
            when
                $e : EventFact( type == EventType.PURCHASE.name(), number( "total" ) >= 500.0,
                                text( "currency" ) in ( "EUR", "USD" ) )
            then
                Map<String, Object> vars = new HashMap<>();
                vars.put( "tier", tierOf( $e.number( "total" ) ) );
                List<String> skus = new ArrayList<>();
                for ( String sku : $e.getSkus() ) {
                    skus.add( sku.toUpperCase( java.util.Locale.ROOT ) );
                }
                java.util.Collections.sort( skus );
                vars.put( "skus", skus );
                vars.put( "note", "System.exit(0), new java.io.File(x) and 'getClass' are only text here" );
                vars.put( "total", new BigDecimal( String.valueOf( $e.number( "total" ) ) )
                        .setScale( 2, java.math.RoundingMode.HALF_UP ) );
                vars.put( "day", java.time.Instant.ofEpochMilli( rt.now() ).atZone( java.time.ZoneOffset.UTC )
                        .getDayOfWeek().name() );
                rt.send( "vip-thanks", $e.getCustomerId(), "order:" + $e.getOrderId(), "vip-thanks", 50,
                         vars, List.of( "customer.email" ), List.of( $e.getEventId() ) );
            end

            rule "winback start"
            when
                $e : EventFact( type == "custom:lapsed" )
            then
                rt.startWait( "winback", $e, "customer", Duration.ofDays( 3 ).toMillis() );
            end

            rule "winback send"
                dialect "mvel"
            when
                $d : Due( triggerId == "winback", subjectAlive )
            then
                rt.send( $d, "winback", 5, java.util.Map.of( "since", Long.toString( rt.now() ) ),
                         java.util.List.of( "customer.email" ) );
            end
            """;

    @Test
    void theBuiltInLibraryAndItsGeneratedDrlPass() throws RuleSetRejectedException {
        CompiledRuleSet library = COMPILER.compile(TriggerLibrary.ruleSet());
        List<DrlSource> generated = library.generatedDrl().entrySet().stream()
                .map(e -> new DrlSource("trigger:" + e.getKey(), e.getValue())).toList();
        assertThat(generated).hasSize(TriggerLibrary.IDS.size());
        assertThat(SANDBOX.check(generated)).allSatisfy(r -> {
            assertThat(r.violations()).isEmpty();
            assertThat(r.syntaxErrors()).isEmpty();
            assertThat(r.rules()).isNotEmpty();
        });
    }

    @Test
    void generatedSpecsWithAwkwardValuesPass() throws RuleSetRejectedException {
        TriggerSpec awkward = spec("""
                {"id": "awkward", "subject": "customer", "entry": {"eventType": "custom:promo.seen", "conditions": [
                    {"property": "class", "op": "eq", "value": "System.exit(0); java.io.File \\" ' \\\\u0053 // /*"},
                    {"property": "getClass", "op": "neq", "value": 3},
                    {"property": "Thread", "op": "contains", "value": "while (true) {}"},
                    {"property": "rt", "op": "exists"},
                    {"property": "price", "op": "gte", "value": 10.5},
                    {"property": "price", "op": "lt", "value": 1E+3},
                    {"property": "vip", "op": "eq", "value": true}]},
                 "restartOn": [{"eventType": "custom:promo.seen"}], "cancelOn": [{"eventType": "purchase"}],
                 "templateId": "promo"}""");
        RuleSet ruleSet = new RuleSet("awkward", List.of(), List.of(awkward), GuardrailSettings.DEFAULTS);
        CompiledRuleSet compiled = COMPILER.compile(ruleSet);
        assertThat(SANDBOX.check(List.of(new DrlSource("awkward", compiled.generatedDrl().get("awkward")))))
                .singleElement().satisfies(r -> assertThat(r.violations()).isEmpty());
    }

    @Test
    void realisticHandWrittenDrlCompilesAndRuns() throws RuleSetRejectedException {
        RuleSet shop = new RuleSet("shop", List.of(new DrlSource("shop.drl", SHOP)), TriggerLibrary.specs(),
                GuardrailSettings.DEFAULTS);
        CompiledRuleSet rules = COMPILER.compile(shop);
        try (Scenario s = new Scenario(rules, SessionOptions.DEFAULTS, T0).customer("c1").customer("c2")) {
            s.at(Duration.ofMinutes(1), "c1", "purchase", "orderId", "o1", "lines",
                    List.of(Scenario.props(Scenario.cartLine("B", "600.00")), Scenario.props(Scenario.cartLine("a", "1"))),
                    "total", new BigDecimal("601.00"), "currency", "EUR");
            s.at(Duration.ofMinutes(2), "c2", "custom:lapsed");
            s.advance(Duration.ofDays(4));
            Map<String, EmailDecision> byRule = s.recorder.decisions.stream()
                    .filter(d -> !d.ruleId().equals("post-purchase"))
                    .collect(Collectors.toMap(EmailDecision::ruleId, d -> d));
            assertThat(byRule).containsOnlyKeys("vip-thanks", "winback");
            assertThat(byRule.get("vip-thanks").variables()).containsEntry("tier", "silver")
                    .containsEntry("skus", List.of("A", "B")).containsEntry("total", new BigDecimal("601.00"))
                    .containsEntry("day", "TUESDAY");
            assertThat(byRule.get("winback").sendAt()).isEqualTo(T0.plus(Duration.ofMinutes(2)).plus(Duration.ofDays(3)));
        }
    }

    @Test
    void rtMayCallExactlyTheRuntimesPublicMethods() {
        List<String> publicMethods = Arrays.stream(TriggerRuntime.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers())).map(Method::getName).distinct().toList();
        assertThat(AllowedTypes.RUNTIME_API)
                .as("a new public method of TriggerRuntime must be added to the rt allow list, or kept off it on purpose")
                .containsExactlyInAnyOrderElementsOf(publicMethods);
    }

    @Test
    void everyRuntimeMethodCanBeCalled() {
        String drl = Drl.consequence("rt.start( \"t\", $e ); rt.restart( \"t\", $e ); rt.cancel( \"t\", $e );"
                + " rt.startWait( \"w\", $e, \"customer\", rt.now() );");
        assertThat(SANDBOX.check(List.of(new DrlSource("rt.drl", drl)))).singleElement()
                .satisfies(r -> assertThat(r.violations()).isEmpty());
    }

    private static TriggerSpec spec(String json) {
        try {
            return Json.mapper().readValue(json, TriggerSpec.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
