package dev.triggerforge.rules.library;

import dev.triggerforge.model.json.Json;
import dev.triggerforge.model.ruleset.GuardrailSettings;
import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.model.trigger.TriggerSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The triggers TriggerForge ships with, as trigger specs on the classpath: the rule set a fresh server activates and
 * the simulator's default.
 */
public final class TriggerLibrary {

    /** The library's rule ids, highest priority first. */
    public static final List<String> IDS = List.of("cart-abandonment", "browse-abandonment", "post-purchase", "welcome");

    private TriggerLibrary() {
    }

    public static List<TriggerSpec> specs() {
        return IDS.stream().map(TriggerLibrary::spec).toList();
    }

    public static TriggerSpec spec(String id) {
        String resource = id + ".json";
        try (InputStream in = TriggerLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no library trigger '" + id + "'");
            }
            return Json.mapper().readValue(in, TriggerSpec.class);
        } catch (IOException e) {
            throw new UncheckedIOException("library trigger " + resource + " is unreadable", e);
        }
    }

    /** The library with the default guardrails. */
    public static RuleSet ruleSet() {
        return new RuleSet("library", List.of(), specs(), GuardrailSettings.DEFAULTS);
    }
}
