package dev.triggerforge.server.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.decision.Suppression;
import dev.triggerforge.model.json.Json;
import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.model.profile.ObservedValue;
import dev.triggerforge.rules.session.Offer;
import dev.triggerforge.rules.session.StableHash;
import dev.triggerforge.server.events.StoredEvent;
import dev.triggerforge.server.sends.SendRecord;
import dev.triggerforge.server.sends.SendStatus;
import dev.triggerforge.server.sends.SuppressionRecord;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Turns what a partition turn produced (events, decisions, suppressions, profiles) into the rows it commits. */
final class Rows {

    private Rows() {
    }

    static SendRecord send(EmailDecision d, long ruleSetVersion, Instant decidedAt) {
        SendRecord r = new SendRecord();
        r.idempotencyKey = d.idempotencyKey();
        r.customerId = d.customerId();
        r.ruleId = d.ruleId();
        r.templateId = d.templateId();
        r.variant = d.variant();
        r.ruleSetVersion = ruleSetVersion;
        r.decidedAt = decidedAt;
        r.sendAt = d.sendAt();
        r.status = SendStatus.SCHEDULED.code();
        r.attempts = 0;
        r.nextAttemptAt = d.sendAt();
        r.variables = json(d.variables());
        r.causedBy = String.join(",", d.causedBy());
        if (d.explanation() != null) {
            r.explanation = json(d.explanation());
            r.segment = d.explanation().segment();
        }
        return r;
    }

    /**
     * The key leaves the time out: a rebuilt session judges the same wait again at a slightly different clock time,
     * and the same rule, customer, reason and cause are the same suppression.
     */
    static SuppressionRecord suppression(Suppression s) {
        SuppressionRecord r = new SuppressionRecord();
        String identity = s.ruleId() + '|' + s.customerId() + '|' + s.reason() + '|' + String.join(",", s.causedBy());
        r.suppressionKey = s.ruleId() + ':' + Long.toHexString(StableHash.of(identity));
        r.customerId = s.customerId();
        r.ruleId = s.ruleId();
        r.at = s.at();
        r.reason = s.reason().name().toLowerCase();
        r.detail = s.detail();
        r.causedBy = String.join(",", s.causedBy());
        return r;
    }

    /** The stored form of a processed event: its JSON as it arrived, where and in which turn it was processed. */
    static StoredEvent storedEvent(Work.Event e, int partition, long seq, Instant turnAt, Offer offer) {
        StoredEvent s = new StoredEvent();
        s.eventId = e.event().eventId();
        s.customerId = e.event().customerId();
        s.type = e.event().type().name();
        s.occurredAt = e.event().occurredAt();
        s.receivedAt = e.receivedAt();
        s.turnAt = turnAt;
        s.partitionNo = partition;
        s.seq = seq;
        s.outcome = offer.name().toLowerCase();
        s.body = e.json();
        return s;
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a decision cannot be written as JSON", e);
        }
    }
}
