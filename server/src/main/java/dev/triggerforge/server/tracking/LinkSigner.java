package dev.triggerforge.server.tracking;

import dev.triggerforge.server.config.TriggerForgeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * Turns a {@link LinkToken} into an opaque URL-safe string signed with HMAC-SHA256 and back, so nobody can forge an
 * open, a click to a URL of their choosing or someone else's unsubscribe.
 */
@ApplicationScoped
public class LinkSigner {

    private static final String ALGORITHM = "HmacSHA256";
    private static final char SEPARATOR = '\n';
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    @Inject
    LinkSigner(TrackingConfig tracking, TriggerForgeConfig config) {
        this(TrackingSecret.load(tracking, config));
    }

    LinkSigner(byte[] secret) {
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    /** {@code base64url(payload) + "." + base64url(HMAC of payload)}. */
    public String sign(LinkToken token) {
        StringBuilder payload = new StringBuilder().append(token.kind().code()).append(SEPARATOR)
                .append(token.sendKey());
        if (token.url() != null) {
            payload.append(SEPARATOR).append(token.url());
        }
        byte[] bytes = payload.toString().getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(bytes));
    }

    /** The token if the signature is this server's and the payload is well formed; empty for anything else. */
    public Optional<LinkToken> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(token.substring(0, dot));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!canonical(token, payload, signature) || !MessageDigest.isEqual(mac(payload), signature)) {
            return Optional.empty();
        }
        return parse(new String(payload, StandardCharsets.UTF_8));
    }

    /** Refuses other spellings of the same bytes (unused trailing bits set), so one token has one form. */
    private static boolean canonical(String token, byte[] payload, byte[] signature) {
        return token.equals(ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(signature));
    }

    private static Optional<LinkToken> parse(String payload) {
        String[] parts = payload.split(String.valueOf(SEPARATOR), 3);
        try {
            LinkKind kind = LinkKind.of(parts[0]);
            String url = parts.length > 2 ? parts[2] : null;
            return Optional.of(new LinkToken(kind, parts.length > 1 ? parts[1] : "", url));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
