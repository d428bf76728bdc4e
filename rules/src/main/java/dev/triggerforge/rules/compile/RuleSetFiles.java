package dev.triggerforge.rules.compile;

import dev.triggerforge.model.ruleset.DrlSource;
import dev.triggerforge.model.ruleset.GuardrailSettings;
import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.model.trigger.TriggerSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a rule set from files: {@code .drl} sources, {@code .json} trigger specs, and an optional
 * {@code guardrails.json}, given one by one or as directories holding them. Every file's errors are collected before
 * giving up, each with its file and line.
 */
public final class RuleSetFiles {

    public static final String GUARDRAILS_FILE = "guardrails.json";

    private RuleSetFiles() {
    }

    public static RuleSet load(List<Path> paths) throws IOException, RuleSetRejectedException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new NoSuchFileException(path.toString(), null, "no such rule file or directory");
            }
            if (Files.isDirectory(path)) {
                try (Stream<Path> listing = Files.list(path)) {
                    listing.filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            } else {
                files.add(path);
            }
        }
        List<DrlSource> drl = new ArrayList<>();
        List<TriggerSpec> triggers = new ArrayList<>();
        List<CompileError> errors = new ArrayList<>();
        GuardrailSettings guardrails = GuardrailSettings.DEFAULTS;
        for (Path file : files) {
            String name = file.getFileName().toString();
            String text = Files.readString(file, StandardCharsets.UTF_8);
            try {
                if (name.equals(GUARDRAILS_FILE)) {
                    guardrails = TriggerSpecReader.read(file.toString(), text, GuardrailSettings.class);
                } else if (name.endsWith(".json")) {
                    triggers.add(TriggerSpecReader.read(file.toString(), text));
                } else if (name.endsWith(".drl")) {
                    drl.add(new DrlSource(file.toString(), text));
                }
            } catch (RuleSetRejectedException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new RuleSetRejectedException(errors);
        }
        String name = paths.size() == 1 ? paths.get(0).getFileName().toString() : paths.toString();
        return new RuleSet(name, drl, triggers, guardrails);
    }
}
