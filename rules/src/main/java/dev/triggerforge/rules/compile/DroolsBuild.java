package dev.triggerforge.rules.compile;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.conf.EventProcessingOption;

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
 * Builds DRL files into a stream-mode KieBase through KieServices (the classic, run-time build), with Drools' errors
 * located in the files the author wrote rather than in the build's paths.
 */
final class DroolsBuild {

    /** The KieBase, or every error of the build. */
    record Result(KieBase kieBase, List<CompileError> errors) {
    }

    private static final String BASE = "triggerforge";
    private static final String ROOT = "src/main/resources/";
    private static final Pattern LINE_COLUMN = Pattern.compile("\\[Line: (\\d+), Column: (\\d+)]");
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final String NULL_PACKAGE = "Parser returned a null Package";

    private final KieServices kie = KieServices.Factory.get();

    Result build(List<RuleSetSources.File> files) {
        Map<String, String> pathToSource = new LinkedHashMap<>();
        KieFileSystem fs = kie.newKieFileSystem();
        for (RuleSetSources.File file : files) {
            fs.write(ROOT + file.path(), file.drl().content());
            pathToSource.put(ROOT + file.path(), file.drl().name());
        }
        ReleaseId release = kie.newReleaseId("dev.triggerforge.rulesets", "ruleset", "1.0." + BUILDS.incrementAndGet());
        fs.generateAndWritePomXML(release);
        fs.writeKModuleXML(kmodule().toXML());
        try {
            KieBuilder builder = kie.newKieBuilder(fs).buildAll();
            List<CompileError> errors = new ArrayList<>();
            for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
                errors.add(locate(m, pathToSource));
            }
            dropParserEchoes(errors);
            if (!errors.isEmpty()) {
                return new Result(null, errors);
            }
            return new Result(kie.newKieContainer(release).getKieBase(BASE), List.of());
        } finally {
            kie.getRepository().removeKieModule(release);
        }
    }

    private KieModuleModel kmodule() {
        KieModuleModel module = kie.newKieModuleModel();
        module.newKieBaseModel(BASE).setDefault(true).setEventProcessingMode(EventProcessingOption.STREAM);
        return module;
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
}
