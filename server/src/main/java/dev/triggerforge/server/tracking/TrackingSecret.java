package dev.triggerforge.server.tracking;

import dev.triggerforge.server.config.TriggerForgeConfig;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Finds the key that signs tracked links: the configured one, else a random one generated on the first start and kept
 * in a file only the server's user can read, so links in emails already sent still work after a restart.
 */
final class TrackingSecret {

    private static final Logger LOG = Logger.getLogger(TrackingSecret.class);
    static final String FILE = "tracking-secret";
    private static final int BYTES = 32;

    private TrackingSecret() {
    }

    static byte[] load(TrackingConfig tracking, TriggerForgeConfig config) {
        return load(tracking.secret(), config.dataDir());
    }

    static byte[] load(Optional<String> configured, Path dataDir) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            return configured.get().getBytes(StandardCharsets.UTF_8);
        }
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return HexFormat.of().parseHex(Files.readString(file).strip());
            }
            byte[] secret = new byte[BYTES];
            new SecureRandom().nextBytes(secret);
            write(file, HexFormat.of().formatHex(secret) + "\n");
            LOG.infof("Generated the key that signs tracked links in %s, readable only by this user",
                    file.toAbsolutePath());
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("the tracking secret cannot be read or written at " + file, e);
        }
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, content);
    }
}
