package dev.triggerforge.rules.compile;

import dev.triggerforge.model.ruleset.DrlSource;
import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.model.trigger.TriggerSpec;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.conf.EventProcessingOption;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles a rule set at run time: validates its trigger specs, generates their DRL, and builds it with the core
 * detector rules and any hand-written DRL into a stream-mode KieBase. Errors come back located in what the author
 * wrote, never as a stack trace.
 */
public final class RuleSetCompiler {

    private static final String BASE = "triggerforge";
    private static final String ROOT = "src/main/resources/";
    private static final String CORE_RESOURCE = "tf-core.drl";
    private static final Pattern LINE_COLUMN = Pattern.compile("\\[Line: (\\d+), Column: (\\d+)]");
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final String NULL_PACKAGE = "Parser returned a null Package";

    private final KieServices kie = KieServices.Factory.get();
    private final String coreDrl = readCore();

    /** Compiles the rule set, or throws with every error found. */
    public CompiledRuleSet compile(RuleSet ruleSet) throws RuleSetRejectedException {
        long started = System.nanoTime();
        List<CompileError> errors = new ArrayList<>(TriggerSpecValidator.validate(ruleSet.triggers()));
        if (!errors.isEmpty()) {
            throw new RuleSetRejectedException(errors);
        }
        Map<String, String> pathToSource = new LinkedHashMap<>();
        Map<String, String> generated = new LinkedHashMap<>();
        KieFileSystem files = kie.newKieFileSystem();
        write(files, pathToSource, "dev/triggerforge/core/" + CORE_RESOURCE, "core rules (" + CORE_RESOURCE + ")", coreDrl);
        Map<String, TriggerSpec> triggers = new LinkedHashMap<>();
        for (TriggerSpec spec : ruleSet.triggers()) {
            String drl = TriggerDrl.generate(spec);
            generated.put(spec.id(), drl);
            triggers.put(spec.id(), spec);
            write(files, pathToSource, "dev/triggerforge/triggers/" + spec.id() + ".drl",
                    "trigger:" + spec.id() + " (generated DRL)", drl);
        }
        for (int i = 0; i < ruleSet.drl().size(); i++) {
            DrlSource source = ruleSet.drl().get(i);
            write(files, pathToSource, "custom/r" + i + ".drl", source.name(), source.content());
        }
        ReleaseId release = kie.newReleaseId("dev.triggerforge.rulesets", "ruleset", "1.0." + BUILDS.incrementAndGet());
        files.generateAndWritePomXML(release);
        files.writeKModuleXML(kmodule().toXML());
        KieBuilder builder = kie.newKieBuilder(files).buildAll();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            errors.add(locate(m, pathToSource));
        }
        dropParserEchoes(errors);
        if (!errors.isEmpty()) {
            kie.getRepository().removeKieModule(release);
            throw new RuleSetRejectedException(errors);
        }
        KieBase base = kie.newKieContainer(release).getKieBase(BASE);
        kie.getRepository().removeKieModule(release);
        return new CompiledRuleSet(ruleSet, base, Map.copyOf(triggers), generated,
                Duration.ofNanos(System.nanoTime() - started));
    }

    private KieModuleModel kmodule() {
        KieModuleModel module = kie.newKieModuleModel();
        module.newKieBaseModel(BASE).setDefault(true).setEventProcessingMode(EventProcessingOption.STREAM);
        return module;
    }

    private static void write(KieFileSystem files, Map<String, String> pathToSource, String path, String sourceName,
                              String drl) {
        files.write(ROOT + path, drl);
        pathToSource.put(ROOT + path, sourceName);
    }

    private static CompileError locate(Message m, Map<String, String> pathToSource) {
        String path = m.getPath() == null ? "" : m.getPath();
        String source = pathToSource.entrySet().stream()
                .filter(e -> e.getKey().endsWith(path) && !path.isEmpty())
                .map(Map.Entry::getValue).findFirst().orElse(path.isEmpty() ? "rule set" : path);
        int line = m.getLine();
        int column = m.getColumn();
        String text = m.getText() == null ? "" : m.getText();
        Matcher lc = LINE_COLUMN.matcher(text);
        if (lc.find()) {
            if (line <= 0) {
                line = Integer.parseInt(lc.group(1));
            }
            if (column <= 0) {
                column = Integer.parseInt(lc.group(2));
            }
        }
        // Drools counts columns from 0 (ANTLR's char position); CompileError counts from 1, 0 meaning unknown
        int column1 = line > 0 && column >= 0 ? column + 1 : 0;
        return new CompileError(source, Math.max(line, 0), column1, tidy(text));
    }

    /**
     * A DRL file that does not parse also yields "Parser returned a null Package" without a location; it says nothing
     * the parser errors of that file have not said, so it is dropped when they are there.
     */
    private static void dropParserEchoes(List<CompileError> errors) {
        Set<String> located = new HashSet<>();
        errors.stream().filter(e -> e.line() > 0).forEach(e -> located.add(e.source()));
        errors.removeIf(e -> e.line() == 0 && e.message().startsWith(NULL_PACKAGE) && located.contains(e.source()));
    }

    /** Drools messages span several lines with caret art; authors need the first meaningful sentence. */
    private static String tidy(String text) {
        String flat = LINE_COLUMN.matcher(text).replaceAll("").replaceAll("\\s*\\n\\s*", " ").trim();
        return flat.replaceAll("\\s{2,}", " ");
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
