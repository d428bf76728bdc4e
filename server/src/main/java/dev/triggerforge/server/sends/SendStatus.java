package dev.triggerforge.server.sends;

/**
 * Where an outbox row stands: waiting for its time, delivered to the provider, given up with a reason, or held back
 * at send time with a reason (every item it would show is out of stock).
 */
public enum SendStatus {
    SCHEDULED, SENT, FAILED, SUPPRESSED;

    public String code() {
        return name().toLowerCase();
    }

    public static SendStatus of(String code) {
        return valueOf(code.toUpperCase());
    }
}
