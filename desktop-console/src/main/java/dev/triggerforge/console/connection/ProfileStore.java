package dev.triggerforge.console.connection;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triggerforge.model.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Keeps the marketer's server profiles in one JSON file, each secret sealed by a {@link SecretBox}. */
public final class ProfileStore {

    private record Stored(String name, String url, String username, ServerProfile.SecretKind kind, String secret) {
    }

    private record File(List<Stored> profiles, String last) {
    }

    private final ObjectMapper json = Json.mapper();
    private final Path file;
    private final SecretBox box;

    public ProfileStore(Path file, SecretBox box) {
        this.file = file;
        this.box = box;
    }

    public synchronized List<ServerProfile> profiles() {
        return read().profiles().stream().map(ProfileStore::profile).toList();
    }

    /** The profile used last, if it still exists. */
    public synchronized Optional<ServerProfile> last() {
        File stored = read();
        return stored.profiles().stream().filter(p -> p.name().equals(stored.last())).findFirst()
                .map(ProfileStore::profile);
    }

    /** The profile's secret, decrypted; empty if none was saved. */
    public synchronized Optional<String> secret(String name) {
        return read().profiles().stream().filter(p -> p.name().equals(name) && p.secret() != null).findFirst()
                .map(p -> box.open(p.secret()));
    }

    /** Adds or replaces the profile of that name, sealing the secret (none kept when {@code secret} is blank). */
    public synchronized void save(ServerProfile profile, String secret) {
        File stored = read();
        List<Stored> profiles = new ArrayList<>(stored.profiles());
        profiles.removeIf(p -> p.name().equals(profile.name()));
        profiles.add(new Stored(profile.name(), profile.url().toString(), profile.username(), profile.kind(),
                secret == null || secret.isBlank() ? null : box.seal(secret)));
        write(new File(profiles, profile.name()));
    }

    public synchronized void delete(String name) {
        File stored = read();
        List<Stored> profiles = new ArrayList<>(stored.profiles());
        profiles.removeIf(p -> p.name().equals(name));
        write(new File(profiles, name.equals(stored.last()) ? null : stored.last()));
    }

    private static ServerProfile profile(Stored s) {
        return new ServerProfile(s.name(), URI.create(s.url()), s.username(), s.kind());
    }

    private File read() {
        if (!Files.isRegularFile(file)) {
            return new File(List.of(), null);
        }
        try {
            File stored = json.readValue(file.toFile(), File.class);
            return stored.profiles() == null ? new File(List.of(), stored.last()) : stored;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the server profiles in " + file + ": " + e.getMessage(), e);
        }
    }

    private void write(File content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            json.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), content);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the server profiles to " + file, e);
        }
    }
}
