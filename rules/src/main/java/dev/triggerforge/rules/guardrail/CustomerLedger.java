package dev.triggerforge.rules.guardrail;

import dev.triggerforge.rules.session.StableHash;

import java.util.ArrayList;
import java.util.List;

/**
 * The sends one customer has had recently: what the frequency cap counts, what once-per windows compare against,
 * and the idempotency keys that make a re-fired rule harmless.
 */
final class CustomerLedger {

    /**
     * One judged send; {@code delivered} is false for a holdout, which is remembered but received nothing. The key is
     * kept as a 64-bit hash: a collision among one customer's recent sends is negligible, and the outbox's unique
     * constraint on the full key stays the final guard.
     */
    private record Sent(long at, String ruleId, String subject, long keyHash, boolean delivered) {
    }

    private final List<Sent> sent = new ArrayList<>(2);

    boolean hasKey(String key) {
        long hash = StableHash.of(key);
        for (Sent s : sent) {
            if (s.keyHash == hash) {
                return true;
            }
        }
        return false;
    }

    /** Whether the rule sent for the subject after {@code since}. */
    boolean sentSince(String ruleId, String subject, long since) {
        for (Sent s : sent) {
            if (s.at > since && s.ruleId.equals(ruleId) && s.subject.equals(subject)) {
                return true;
            }
        }
        return false;
    }

    /** Emails the customer actually received after {@code since}: what the frequency cap counts. */
    int deliveredSince(long since) {
        int n = 0;
        for (Sent s : sent) {
            if (s.at > since && s.delivered) {
                n++;
            }
        }
        return n;
    }

    void record(long at, String ruleId, String subject, String key, boolean delivered) {
        sent.add(new Sent(at, ruleId, subject, StableHash.of(key), delivered));
    }

    /** Drops sends older than {@code before}; returns whether anything is left. */
    boolean prune(long before) {
        sent.removeIf(s -> s.at < before);
        return !sent.isEmpty();
    }
}
