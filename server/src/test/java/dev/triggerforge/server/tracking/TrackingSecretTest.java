package dev.triggerforge.server.tracking;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The signing key survives restarts: generated once into a file only its owner reads, unless one is configured. */
class TrackingSecretTest {

    @TempDir
    Path dataDir;

    @Test
    void aGeneratedKeyIsKeptPrivateAndReusedOnTheNextStart() throws Exception {
        byte[] first = TrackingSecret.load(Optional.empty(), dataDir);
        Path file = dataDir.resolve(TrackingSecret.FILE);

        assertEquals(32, first.length);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertArrayEquals(first, TrackingSecret.load(Optional.empty(), dataDir));
        assertArrayEquals(first, TrackingSecret.load(Optional.of(" "), dataDir), "a blank setting is no setting");
    }

    @Test
    void aConfiguredKeyWinsAndWritesNothing() {
        assertArrayEquals("from the vault".getBytes(StandardCharsets.UTF_8),
                TrackingSecret.load(Optional.of("from the vault"), dataDir));
        assertFalse(Files.exists(dataDir.resolve(TrackingSecret.FILE)));
    }
}
