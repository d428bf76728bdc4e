package dev.triggerforge.rules.probe;

import dev.triggerforge.model.ruleset.DrlSource;
import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.rules.compile.RuleSetCompiler;
import dev.triggerforge.rules.compile.RuleSetRejectedException;
import dev.triggerforge.rules.session.Scenario;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

class ProbeTest {
    @Test
    void welcome() {
        try (Scenario s = new Scenario().customer("c1")) {
            s.at(Duration.ZERO, "c1", "signup");
            System.out.println("PROBE after signup: " + s.recorder.decisions + " waits " + s.recorder.waits);
            s.advance(Duration.ZERO);
            System.out.println("PROBE after advance0: " + s.recorder.decisions);
        }
    }

    @Test
    void errors() {
        String syntax = "package custom\n\nimport dev.triggerforge.rules.fact.EventFact\n\nrule \"broken\"\nwhen\n    $e : EventFact( type == \"search\" \nthen\n    System.out.println(1);\nend\n";
        String field = "package custom\n\nimport dev.triggerforge.rules.fact.EventFact\n\nrule \"field\"\nwhen\n    $e : EventFact( nosuchField == \"x\" )\nthen\nend\n";
        for (String drl : List.of(syntax, field)) {
            try {
                new RuleSetCompiler().compile(new RuleSet("x", List.of(new DrlSource("my.drl", drl)), List.of(), null));
                System.out.println("PROBE compiled?!");
            } catch (RuleSetRejectedException e) {
                e.errors().forEach(err -> System.out.println("PROBE " + err.source() + " L" + err.line() + " C" + err.column() + " : " + err.message()));
            }
        }
    }
}
