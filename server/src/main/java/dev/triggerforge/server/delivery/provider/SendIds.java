package dev.triggerforge.server.delivery.provider;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Derives the id a provider sees from the outbox idempotency key: stable across retries (so providers can drop
 * duplicates), header-safe, and without the customer id that the key itself contains.
 */
public final class SendIds {

    private SendIds() {
    }

    /** 32 hex characters of the SHA-256 of the idempotency key. */
    public static String of(String idempotencyKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** An RFC 5322 Message-ID for the send, in the domain of the sender address. */
    public static String messageId(String sendId, String fromAddress) {
        return "<" + sendId + "@" + domainOf(fromAddress) + ">";
    }

    static String domainOf(String fromAddress) {
        int at = fromAddress.lastIndexOf('@');
        if (at < 0) {
            return "triggerforge.invalid";
        }
        String domain = fromAddress.substring(at + 1).replace(">", "").trim();
        return domain.isEmpty() ? "triggerforge.invalid" : domain;
    }
}
