package dev.triggerforge.server.tracking;

import dev.triggerforge.server.sends.SendRecord;
import dev.triggerforge.server.store.Database;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/** Finds the outbox row a link or a provider report is about, by our idempotency key or the provider's message id. */
@ApplicationScoped
public class SendLookup {

    private final Database database;

    SendLookup(Database database) {
        this.database = database;
    }

    public Optional<SendRecord> byKey(String idempotencyKey) {
        return QuarkusTransaction.requiringNew().call(() -> {
            SendRecord row = database.session().find(SendRecord.class, idempotencyKey);
            if (row != null) {
                database.session().detach(row);
            }
            return Optional.ofNullable(row);
        });
    }

    /** The send whose idempotency key or provider message id (with or without its angle brackets) is {@code id}. */
    public Optional<SendRecord> byKeyOrMessageId(String id) {
        Optional<SendRecord> byKey = byKey(id);
        if (byKey.isPresent()) {
            return byKey;
        }
        String bare = id.startsWith("<") && id.endsWith(">") ? id.substring(1, id.length() - 1) : id;
        List<SendRecord> rows = QuarkusTransaction.requiringNew().call(() -> database.session()
                .createSelectionQuery("from SendRecord where providerMessageId in (:bare, :bracketed)",
                        SendRecord.class)
                .setParameter("bare", bare)
                .setParameter("bracketed", "<" + bare + ">")
                .setMaxResults(1)
                .getResultList());
        return rows.stream().findFirst();
    }
}
