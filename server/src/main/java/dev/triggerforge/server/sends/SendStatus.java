package dev.triggerforge.server.sends;

/** Where an outbox row stands: waiting for its time, delivered to the provider, or given up with a reason. */
public enum SendStatus {
    SCHEDULED, SENT, FAILED;

    public String code() {
        return name().toLowerCase();
    }

    public static SendStatus of(String code) {
        return valueOf(code.toUpperCase());
    }
}
