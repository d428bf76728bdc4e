package dev.triggerforge.server.engine;

import dev.triggerforge.server.customers.CustomerAlias;
import dev.triggerforge.server.events.StoredEvent;
import dev.triggerforge.server.experiments.Assignment;
import dev.triggerforge.server.feedback.FeedbackRecord;
import dev.triggerforge.server.sends.SendRecord;
import dev.triggerforge.server.sends.SuppressionRecord;

import java.time.Instant;

/**
 * The inserts of a partition turn, in plain SQL that H2 (in its PostgreSQL mode) and PostgreSQL both run. Rows whose
 * key is already stored are skipped by {@code on conflict do nothing}, so a rebuilt session that reaches the same
 * decisions again adds nothing; events have no such clause, since storing one twice is a bug the turn must fail on.
 */
final class TurnInserts {

    static final RowInsert<StoredEvent> EVENT = new RowInsert<>("insert into stored_events (event_id, customer_id, "
            + "type, occurred_at, received_at, turn_at, partition_no, seq, outcome, body) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (p, e) -> p.text(e.eventId).text(e.customerId).text(e.type).time(e.occurredAt).time(e.receivedAt)
                    .time(e.turnAt).number(e.partitionNo).number(e.seq).text(e.outcome).text(e.body));

    static final RowInsert<SendRecord> SEND = new RowInsert<>("insert into sends (idempotency_key, customer_id, "
            + "rule_id, template_id, variant, rule_set_version, decided_at, send_at, status, attempts, "
            + "next_attempt_at, last_error, provider, provider_message_id, sent_at, variables, caused_by, reason, "
            + "enrichment, explanation, segment) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
            (p, s) -> p.text(s.idempotencyKey).text(s.customerId).text(s.ruleId).text(s.templateId).text(s.variant)
                    .number(s.ruleSetVersion).time(s.decidedAt).time(s.sendAt).text(s.status).number(s.attempts)
                    .time(s.nextAttemptAt).text(s.lastError).text(s.provider).text(s.providerMessageId)
                    .time(s.sentAt).text(s.variables).text(s.causedBy).text(s.reason).text(s.enrichment)
                    .text(s.explanation).text(s.segment));

    static final RowInsert<SuppressionRecord> SUPPRESSION = new RowInsert<>("insert into suppressions "
            + "(suppression_key, customer_id, rule_id, at, reason, detail, caused_by) "
            + "values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
            (p, s) -> p.text(s.suppressionKey).text(s.customerId).text(s.ruleId).time(s.at).text(s.reason)
                    .text(s.detail).text(s.causedBy));

    static final RowInsert<Assignment> ASSIGNMENT = new RowInsert<>("insert into experiment_assignments "
            + "(experiment_id, customer_id, variant, assigned_at) values (?, ?, ?, ?) on conflict do nothing",
            (p, a) -> p.text(a.experimentId).text(a.customerId).text(a.variant).time(a.assignedAt));

    static final RowInsert<FeedbackRecord> FEEDBACK = new RowInsert<>("insert into email_feedback (event_id, "
            + "customer_id, event_type, occurred_at, send_id, revenue, currency) "
            + "values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
            (p, f) -> p.text(f.eventId).text(f.customerId).text(f.eventType).time(f.occurredAt).text(f.sendId)
                    .amount(f.revenue).text(f.currency));

    static final RowInsert<CustomerAlias> ALIAS = new RowInsert<>("insert into customer_aliases (anonymous_id, "
            + "customer_id, linked_at) values (?, ?, ?) on conflict do nothing",
            (p, a) -> p.text(a.anonymousId).text(a.customerId).time(a.linkedAt));

    /** A profile's new version; a customer without a stored one gets {@link #NEW_PROFILE} instead. */
    static final RowInsert<ProfileRow> PROFILE_CHANGE = new RowInsert<>("update customer_profiles "
            + "set version = version + 1, updated_at = ?, body = ? where customer_id = ?",
            (p, r) -> p.time(r.at()).text(r.body()).text(r.customerId()));

    static final RowInsert<ProfileRow> NEW_PROFILE = new RowInsert<>("insert into customer_profiles "
            + "(customer_id, version, updated_at, body) values (?, 1, ?, ?)",
            (p, r) -> p.text(r.customerId()).time(r.at()).text(r.body()));

    private TurnInserts() {
    }

    /** A profile as its row stores it: JSON, and when it was written. */
    record ProfileRow(String customerId, String body, Instant at) {
    }
}
