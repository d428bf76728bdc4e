package dev.triggerforge.server.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.triggerforge.model.json.Json;
import dev.triggerforge.model.ruleset.DrlSource;
import dev.triggerforge.rules.library.TriggerLibrary;
import dev.triggerforge.server.rulesets.RuleSetUpload;

import java.util.List;

/** Upload bodies for the tests: the library's specs alone, or with a small hand-written DRL file. */
public final class RuleSetBodies {

    static final String DRL = """
            package custom
            import dev.triggerforge.rules.fact.EventFact
            global dev.triggerforge.rules.session.TriggerRuntime rt
            rule "vip-view"
            when
                EventFact( type == "product_view", customerId == "vip" )
            then
            end
            """;

    private RuleSetBodies() {
    }

    public static String specsOnly(String name) {
        return json(new RuleSetUpload(name, "specs only", null, List.of(), TriggerLibrary.specs(), null));
    }

    public static String withDrl(String name) {
        return json(new RuleSetUpload(name, "with DRL", null, List.of(new DrlSource("vip.drl", DRL)),
                TriggerLibrary.specs(), null));
    }

    public static String json(Object body) {
        try {
            return Json.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
