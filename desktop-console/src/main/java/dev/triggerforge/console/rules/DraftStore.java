package dev.triggerforge.console.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Keeps DRL drafts as {@code <name>.drl} files in one local folder, so work survives between sessions. */
public final class DraftStore {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private final Path folder;

    public DraftStore(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    /** Whether {@code name} can name a draft: letters, digits, '-' and '_', at most 64 characters. */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    public Path save(String name, String drl) throws IOException {
        requireValid(name);
        Files.createDirectories(folder);
        Path file = folder.resolve(name + ".drl");
        Files.writeString(file, drl, StandardCharsets.UTF_8);
        return file;
    }

    public String load(String name) throws IOException {
        requireValid(name);
        return Files.readString(folder.resolve(name + ".drl"), StandardCharsets.UTF_8);
    }

    /** The saved drafts' names, sorted; none when the folder does not exist yet. */
    public List<String> names() throws IOException {
        return namesIn(folder, ".drl");
    }

    /** The valid names of the files in {@code folder} ending with {@code extension}, sorted, without it. */
    public static List<String> namesIn(Path folder, String extension) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(extension))
                    .map(n -> n.substring(0, n.length() - extension.length())).filter(DraftStore::isValidName)
                    .sorted().toList();
        }
    }

    private static void requireValid(String name) {
        if (!isValidName(name)) {
            throw new IllegalArgumentException("'" + name + "' is not a valid draft name: use letters, digits,"
                    + " '-' and '_' (at most 64)");
        }
    }
}
