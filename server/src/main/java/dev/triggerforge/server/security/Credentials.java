package dev.triggerforge.server.security;

import dev.triggerforge.server.store.Database;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Checks and issues API credentials: passwords against BCrypt hashes, bearer tokens against the SHA-256 of their
 * value. Neither a password nor a token is ever stored or logged in the clear.
 */
@ApplicationScoped
public class Credentials {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database database;

    Credentials(Database database) {
        this.database = database;
    }

    /** Who this is, when the password matches. */
    public Optional<Caller> password(String username, String password) {
        ApiUser user = QuarkusTransaction.requiringNew().call(() -> database.session().find(ApiUser.class, username));
        if (user == null || !BcryptUtil.matches(password, user.passwordHash)) {
            return Optional.empty();
        }
        return Optional.of(new Caller(user.username, Role.of(user.role)));
    }

    /** Who this is, when the token is one we issued. */
    public Optional<Caller> token(String token) {
        ApiToken found = QuarkusTransaction.requiringNew().call(() ->
                database.session().find(ApiToken.class, sha256(token)));
        return found == null ? Optional.empty() : Optional.of(new Caller(found.username, Role.of(found.role)));
    }

    public void createUser(String username, String password, Role role) {
        QuarkusTransaction.requiringNew().run(() -> {
            ApiUser user = new ApiUser();
            user.username = username;
            user.passwordHash = BcryptUtil.bcryptHash(password);
            user.role = role.code();
            user.createdAt = Instant.now();
            database.session().persist(user);
        });
    }

    /** Issues a new random token for a user and returns it; only its hash is kept. */
    public String issueToken(String username, Role role, String description) {
        String token = "tf_" + randomSecret();
        storeToken(token, username, role, description);
        return token;
    }

    /** Stores a token chosen by the operator (e.g. from a secret store) for a user. */
    public void storeToken(String token, String username, Role role, String description) {
        QuarkusTransaction.requiringNew().run(() -> {
            ApiToken t = new ApiToken();
            t.tokenHash = sha256(token);
            t.username = username;
            t.role = role.code();
            t.description = description;
            t.createdAt = Instant.now();
            database.session().persist(t);
        });
    }

    public boolean anyUser() {
        return QuarkusTransaction.requiringNew().call(() -> database.session()
                .createSelectionQuery("select count(u) from ApiUser u", Long.class).getSingleResult() > 0);
    }

    static String randomSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** An authenticated caller: who, and with which role. */
    public record Caller(String name, Role role) {
    }
}
