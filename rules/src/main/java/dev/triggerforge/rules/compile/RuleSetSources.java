package dev.triggerforge.rules.compile;

import dev.triggerforge.model.ruleset.DrlSource;
import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.model.trigger.TriggerSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All the DRL a rule set compiles to, each file under the name errors refer to: the core rules, the DRL generated
 * from each (validated) trigger spec, and the hand-written files.
 */
record RuleSetSources(List<File> files, Map<String, TriggerSpec> triggers, Map<String, String> generatedDrl) {

    /** One DRL file, at its path in the build. */
    record File(String path, DrlSource drl) {
    }

    private static final String CORE_RESOURCE = "tf-core.drl";
    private static final String CORE_DRL = readCore();

    static RuleSetSources of(RuleSet ruleSet) {
        List<File> files = new ArrayList<>();
        files.add(new File("dev/triggerforge/core/" + CORE_RESOURCE,
                new DrlSource("core rules (" + CORE_RESOURCE + ")", CORE_DRL)));
        Map<String, TriggerSpec> triggers = new LinkedHashMap<>();
        Map<String, String> generated = new LinkedHashMap<>();
        for (TriggerSpec spec : ruleSet.triggers()) {
            String drl = TriggerDrl.generate(spec);
            generated.put(spec.id(), drl);
            triggers.put(spec.id(), spec);
            files.add(new File("dev/triggerforge/triggers/" + spec.id() + ".drl",
                    new DrlSource("trigger:" + spec.id() + " (generated DRL)", drl)));
        }
        for (int i = 0; i < ruleSet.drl().size(); i++) {
            files.add(new File("custom/r" + i + ".drl", ruleSet.drl().get(i)));
        }
        return new RuleSetSources(List.copyOf(files), Map.copyOf(triggers), generated);
    }

    List<DrlSource> drl() {
        return files.stream().map(File::drl).toList();
    }

    private static String readCore() {
        try (InputStream in = RuleSetCompiler.class.getResourceAsStream(CORE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("core rules " + CORE_RESOURCE + " missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
