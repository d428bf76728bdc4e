package dev.triggerforge.server.blocklist;

import dev.triggerforge.server.store.Database;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** The addresses not to send to, written from provider reports and read by the dispatcher before every send. */
@ApplicationScoped
public class Blocklist {

    public static final String HARD_BOUNCE = "hard bounce";
    public static final String COMPLAINT = "complaint";

    private final Database database;

    Blocklist(Database database) {
        this.database = database;
    }

    /** Blocks the address; the first report stays, later ones of the same address change nothing. */
    public void block(String address, String reason, String sendId, Instant at) {
        String key = normalize(address);
        QuarkusTransaction.requiringNew().run(() -> {
            if (database.session().find(BlockedAddress.class, key) != null) {
                return;
            }
            BlockedAddress row = new BlockedAddress();
            row.address = key;
            row.reason = reason;
            row.sendId = sendId;
            row.blockedAt = at;
            database.session().persist(row);
        });
    }

    public Optional<BlockedAddress> find(String address) {
        String key = normalize(address);
        return QuarkusTransaction.requiringNew().call(() -> {
            BlockedAddress row = database.session().find(BlockedAddress.class, key);
            if (row != null) {
                database.session().detach(row);
            }
            return Optional.ofNullable(row);
        });
    }

    static String normalize(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }
}
