package dev.triggerforge.console.workspace;

import dev.triggerforge.console.rules.DraftStore;
import dev.triggerforge.model.json.Json;
import dev.triggerforge.model.ruleset.RuleSet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Keeps edited trigger sets (trigger specs and guardrails) as {@code <name>.json} files in one local folder, in the
 * rule-set JSON an upload to the server carries, so guided work survives between sessions.
 */
public final class RuleSetFiles {

    private final Path folder;

    public RuleSetFiles(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    public Path save(String name, RuleSet ruleSet) throws IOException {
        requireValid(name);
        Files.createDirectories(folder);
        Path file = folder.resolve(name + ".json");
        Json.mapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(),
                new RuleSet(name, ruleSet.drl(), ruleSet.triggers(), ruleSet.guardrails()));
        return file;
    }

    public RuleSet load(String name) throws IOException {
        requireValid(name);
        return Json.mapper().readValue(folder.resolve(name + ".json").toFile(), RuleSet.class);
    }

    /** The saved sets' names, sorted; none when the folder does not exist yet. */
    public List<String> names() throws IOException {
        return DraftStore.namesIn(folder, ".json");
    }

    private static void requireValid(String name) {
        if (!DraftStore.isValidName(name)) {
            throw new IllegalArgumentException("'" + name + "' is not a valid name: use letters, digits, '-' and '_'"
                    + " (at most 64)");
        }
    }
}
