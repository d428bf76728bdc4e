package dev.triggerforge.rules.compile;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.triggerforge.model.json.Json;
import dev.triggerforge.model.ruleset.DrlSource;
import dev.triggerforge.model.ruleset.GuardrailSettings;
import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.model.trigger.TriggerSpec;
import dev.triggerforge.rules.library.TriggerLibrary;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Each limit of {@link CompileLimits}, with the error an admin gets when a rule set goes over it. */
class CompileLimitsTest {

    private static final RuleSetCompiler COMPILER = new RuleSetCompiler();

    private static final String HEADER = """
            package shop.rules

            import dev.triggerforge.rules.fact.*
            global dev.triggerforge.rules.session.TriggerRuntime rt

            """;

    private static String rules(int count) {
        StringBuilder drl = new StringBuilder(HEADER);
        for (int i = 0; i < count; i++) {
            drl.append("rule \"r").append(i).append("\"\nwhen\n    $e : EventFact( type == \"custom:x").append(i)
                    .append("\" )\nthen\nend\n\n");
        }
        return drl.toString();
    }

    private static RuleSet drl(String... contents) {
        List<DrlSource> files = new ArrayList<>();
        for (int i = 0; i < contents.length; i++) {
            files.add(new DrlSource("f" + i + ".drl", contents[i]));
        }
        return new RuleSet("limits", files, List.of(), GuardrailSettings.DEFAULTS);
    }

    private static List<CompileError> rejected(CompileLimits limits, RuleSet ruleSet) {
        RuleSetRejectedException e = catchThrowableOfType(() -> new RuleSetCompiler(limits).compile(ruleSet),
                RuleSetRejectedException.class);
        assertThat(e).as("rule set should be rejected").isNotNull();
        return e.errors();
    }

    @Test
    void theDefaultsAreSensible() {
        assertThat(CompileLimits.DEFAULTS).isEqualTo(new CompileLimits(1024 * 1024, 200, 2000, 20_000, 20, 24,
                Duration.ofSeconds(30)));
        assertThat(new RuleSetCompiler().limits()).isEqualTo(CompileLimits.DEFAULTS);
    }

    @Test
    void totalSizeCountsHandWrittenAndGeneratedDrl() {
        RuleSet ruleSet = new RuleSet("big", List.of(new DrlSource("big.drl", rules(3))), TriggerLibrary.specs(),
                GuardrailSettings.DEFAULTS);
        assertThat(rejected(CompileLimits.DEFAULTS.withMaxTotalBytes(2000), ruleSet)).singleElement()
                .satisfies(e -> {
                    assertThat(e.source()).isEqualTo("rule set");
                    assertThat(e.message()).matches("the rule set has [0-9,]+ bytes of DRL \\(hand-written and"
                            + " generated\\); at most 2,000 are allowed \\(limit maxTotalBytes\\)");
                });
    }

    @Test
    void theNumberOfFilesIsLimited() {
        assertThat(rejected(CompileLimits.DEFAULTS.withMaxFiles(2), drl(rules(1), rules(1), rules(1))))
                .extracting(CompileError::message)
                .containsExactly("the rule set has 3 DRL files; at most 2 are allowed (limit maxFiles)");
    }

    @Test
    void theNumberOfRulesCountsGeneratedOnes() {
        RuleSet library = TriggerLibrary.ruleSet();
        assertThat(rejected(CompileLimits.DEFAULTS.withMaxRules(5), library)).singleElement()
                .satisfies(e -> assertThat(e.message()).matches(
                        "the rule set has \\d+ rules \\(\\d+ generated from trigger specs\\); at most 5 are allowed"
                                + " \\(limit maxRules\\)"));
        RuleSet mixed = new RuleSet("mixed", List.of(new DrlSource("many.drl", rules(40))), List.of(spec()),
                GuardrailSettings.DEFAULTS);
        assertThat(rejected(CompileLimits.DEFAULTS.withMaxRules(41), mixed)).singleElement()
                .satisfies(e -> assertThat(e.message()).isEqualTo(
                        "the rule set has 42 rules (2 generated from trigger specs); at most 41 are allowed"
                                + " (limit maxRules)"));
        assertThatCode(() -> new RuleSetCompiler(CompileLimits.DEFAULTS.withMaxRules(42)).compile(mixed))
                .doesNotThrowAnyException();
    }

    @Test
    void aLongRuleIsReportedAtItsLine() {
        String longRule = HEADER + "rule \"long\"\nwhen\n    $e : EventFact( type == \"" + "x".repeat(300)
                + "\" )\nthen\nend\n";
        assertThat(rejected(CompileLimits.DEFAULTS.withMaxRuleCharacters(200), drl(rules(1), longRule)))
                .singleElement().satisfies(e -> {
                    assertThat(e.source()).isEqualTo("f1.drl");
                    assertThat(e.line()).isEqualTo(6);
                    assertThat(e.message()).matches("rule 'long' is 3\\d\\d characters long; at most 200 are"
                            + " allowed: split it \\(limit maxRuleCharacters\\)");
                });
    }

    @Test
    void aRuleJoiningTooManyPatternsIsReported() {
        String join = HEADER + "rule \"join\"\nwhen\n" + IntStream.range(0, 4)
                .mapToObj(i -> "    $e" + i + " : EventFact( type == \"t" + i + "\" )\n").reduce("", String::concat)
                + "    not Due()\nthen\nend\n";
        assertThat(rejected(CompileLimits.DEFAULTS.withMaxPatterns(4), drl(join))).singleElement()
                .satisfies(e -> {
                    assertThat(e.line()).isEqualTo(6);
                    assertThat(e.message()).startsWith("rule 'join' joins 5 patterns; at most 4 are allowed");
                });
    }

    @Test
    void deepNestingIsRefusedBeforeAnythingParsesIt() {
        String deep = HEADER + "rule \"deep\"\nwhen\n    $e : EventFact( " + "(".repeat(30) + "timestamp"
                + ")".repeat(30) + " > 0 )\nthen\nend\n";
        assertThat(rejected(CompileLimits.DEFAULTS, drl(deep))).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo("f0.drl");
            assertThat(e.line()).isEqualTo(8);
            assertThat(e.column()).isEqualTo(44);
            assertThat(e.message()).isEqualTo("brackets are nested more than 24 deep here: split the expression"
                    + " (limit maxNesting)");
        });
        assertThatCode(() -> new RuleSetCompiler(CompileLimits.DEFAULTS.withMaxNesting(40)).compile(drl(deep)))
                .doesNotThrowAnyException();
    }

    @Test
    void aCompilationOverItsTimeIsRejected() {
        List<CompileError> errors = rejected(CompileLimits.DEFAULTS.withCompileTimeout(Duration.ofMillis(1)),
                drl(rules(200)));
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo("rule set");
            assertThat(e.message()).isEqualTo("compiling the rule set took longer than 1 ms and was abandoned:"
                    + " make it smaller or simpler (limit compileTimeout)");
        });
    }

    @Test
    void anAbandonedCompilationGoesOnOnADaemonThread() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Thread> worker = new AtomicReference<>();
        RuleSetRejectedException e = catchThrowableOfType(() -> Deadline.run(Duration.ofMillis(50), () -> {
            worker.set(Thread.currentThread());
            awaitIgnoringInterrupts(release);
            return "too late";
        }), RuleSetRejectedException.class);
        assertThat(e.errors()).singleElement().extracting(CompileError::message).asString()
                .startsWith("compiling the rule set took longer than 50 ms");
        Thread thread = worker.get();
        assertThat(thread.getName()).startsWith(Deadline.THREAD_PREFIX);
        assertThat(thread.isDaemon()).isTrue();
        assertThat(thread.isAlive()).as("a runaway build cannot be killed, only left behind").isTrue();
        release.countDown();
        thread.join(5000);
        assertThat(thread.isAlive()).isFalse();
    }

    /** Like a Drools build, which does not answer the interrupt sent on timeout. */
    private static void awaitIgnoringInterrupts(CountDownLatch latch) {
        while (latch.getCount() > 0) {
            try {
                latch.await();
            } catch (InterruptedException ignored) {
                // keep going, as a runaway build would
            }
        }
    }

    @Test
    void aCrashInsideTheCompilationIsARejectionNotAStackTrace() {
        RuleSetRejectedException e = catchThrowableOfType(() -> Deadline.run(Duration.ofSeconds(5), () -> {
            throw new StackOverflowError();
        }), RuleSetRejectedException.class);
        assertThat(e.errors()).extracting(CompileError::message).containsExactly(
                "the rule set is nested too deeply or has expressions too long to compile: simplify it");
    }

    @Test
    void validateChecksEverythingButBuildsNothing() {
        String unknownField = HEADER + "rule \"r\"\nwhen\n    $e : EventFact( nosuchField == 1 )\nthen\nend\n";
        assertThatCode(() -> COMPILER.validate(drl(unknownField))).doesNotThrowAnyException();
        RuleSetRejectedException e = catchThrowableOfType(
                () -> COMPILER.validate(drl(HEADER + "rule \"r\"\nwhen\nthen\n    System.exit( 0 );\nend\n",
                        HEADER + "rule \"broken\"\nwhen\n    EventFact(\nthen\nend\n")),
                RuleSetRejectedException.class);
        assertThat(e.errors()).extracting(CompileError::toString).anyMatch(m -> m.startsWith("f0.drl:9:5: 'System'"))
                .anyMatch(m -> m.startsWith("f1.drl:10:1: "));
    }

    private static TriggerSpec spec() {
        try {
            return Json.mapper().readValue("""
                    {"id": "hello", "subject": "customer", "entry": {"eventType": "signup"}, "templateId": "t"}""",
                    TriggerSpec.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
