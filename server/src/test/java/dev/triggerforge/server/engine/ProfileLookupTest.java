package dev.triggerforge.server.engine;

import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.server.customers.CustomerRecord;
import dev.triggerforge.server.store.Database;
import dev.triggerforge.server.testing.EmbeddedServices;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A partition's lookup of stored profiles finds each stored one once, whatever the number of ids it asks for. */
@QuarkusTest
@TestProfile(EmbeddedServices.class)
class ProfileLookupTest {

    @Inject
    EventReplay replay;

    @Inject
    Database database;

    @Test
    void findsEveryStoredProfileAcrossChunksAndPaddingAndNothingElse() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> stored = IntStream.range(0, 300).mapToObj(i -> "lookup-" + run + "-" + i).toList();
        QuarkusTransaction.requiringNew().run(() -> stored.forEach(id -> {
            CustomerRecord r = new CustomerRecord();
            r.customerId = id;
            r.version = 1;
            r.updatedAt = Instant.now();
            r.body = "{\"customerId\":\"" + id + "\",\"email\":\"" + id + "@example.com\",\"locale\":\"de-DE\"}";
            database.session().persist(r);
        }));
        List<String> asked = new ArrayList<>(stored);
        IntStream.range(0, 45).forEach(i -> asked.add("absent-" + run + "-" + i));

        List<CustomerProfile> found = replay.profilesOf(asked);

        assertThat(found).extracting(CustomerProfile::customerId).containsExactlyInAnyOrderElementsOf(stored);
        assertThat(found).allSatisfy(p -> assertThat(p.email()).isEqualTo(p.customerId() + "@example.com"));
        assertThat(replay.profilesOf(List.of(stored.get(7), "absent-" + run)))
                .extracting(CustomerProfile::customerId).containsExactly(stored.get(7));
        assertThat(replay.profilesOf(List.of(stored.get(0), stored.get(1), stored.get(2))))
                .extracting(CustomerProfile::customerId).containsExactlyInAnyOrder(stored.get(0), stored.get(1),
                        stored.get(2));
    }
}
