package dev.triggerforge.server.security;

import dev.triggerforge.server.config.TriggerForgeConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Creates the first admin credential on a first start, with a random password and token written to a file only its
 * owner can read, and says where; there is no fixed default password. An operator may instead hand in the first
 * admin token ({@code triggerforge.security.bootstrap-token}, e.g. from a secret store).
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);
    static final String ADMIN = "admin";

    private final Credentials credentials;
    private final TriggerForgeConfig config;
    private final Optional<String> bootstrapToken;

    AdminBootstrap(Credentials credentials, TriggerForgeConfig config) {
        this.credentials = credentials;
        this.config = config;
        this.bootstrapToken = config.security().bootstrapToken();
    }

    void firstStart(@Observes StartupEvent event) {
        if (credentials.anyUser()) {
            return;
        }
        String password = Credentials.randomSecret();
        credentials.createUser(ADMIN, password, Role.ADMIN);
        if (bootstrapToken.isPresent()) {
            credentials.storeToken(bootstrapToken.get(), ADMIN, Role.ADMIN, "bootstrap token from configuration");
            LOG.info("Created the first admin user; its bearer token is the configured bootstrap token");
            return;
        }
        String token = credentials.issueToken(ADMIN, Role.ADMIN, "first start");
        Path file = config.dataDir().resolve("admin-credentials.txt");
        write(file, "# TriggerForge first admin credential. Create named users (POST /api/users) and delete this file.\n"
                + "username=" + ADMIN + "\npassword=" + password + "\ntoken=" + token + "\n");
        LOG.infof("Created the first admin credential (user '%s'); the password and a bearer token are in %s, "
                + "readable only by this user", ADMIN, file.toAbsolutePath());
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("the first admin credential cannot be written to " + file, e);
        }
    }
}
