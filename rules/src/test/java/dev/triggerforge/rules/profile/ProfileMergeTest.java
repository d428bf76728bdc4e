package dev.triggerforge.rules.profile;

import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.event.EventType;
import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.model.profile.ProfileChange;
import dev.triggerforge.model.profile.ProfileUpdate;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileMergeTest {

    private static final Instant T = Instant.parse("2026-11-01T10:00:00Z");

    private static ProfileUpdate update(Instant at, String email, Boolean consent, Map<String, Object> attributes) {
        return new ProfileUpdate("c1", email, null, null, consent, attributes, at);
    }

    @Test
    void aNewerUpdateWinsAndAnOlderOneIsRefusedValueByValue() {
        ProfileBook book = new ProfileBook();
        ProfileChange first = book.merge(update(T, "ann@old.example", true, Map.of("tier", "silver")));
        ProfileChange newer = book.merge(update(T.plusSeconds(60), "ann@new.example", null, Map.of()));
        ProfileChange stale = book.merge(update(T.plusSeconds(30), "ann@stale.example", false,
                Map.of("tier", "gold")));

        assertThat(first.changed()).containsExactlyInAnyOrder("email", "marketingConsent", "tier");
        assertThat(newer.changed()).containsExactly("email");
        assertThat(stale.stale()).containsExactly("email");
        assertThat(stale.changed()).containsExactlyInAnyOrder("marketingConsent", "tier");
        CustomerProfile p = book.get("c1");
        assertThat(p.email()).isEqualTo("ann@new.example");
        assertThat(p.marketingConsent()).isFalse();
        assertThat(p.value("tier")).isEqualTo("gold");
        assertThat(p.lastKnown().get("email").seenAt()).isEqualTo(T.plusSeconds(60));
    }

    @Test
    void anEventAndAnImportMergeByObservationTimeWhicheverArrivesFirst() {
        ProfileBook eventFirst = new ProfileBook();
        eventFirst.apply(CustomerEvent.of("e1", "c1", EventType.PROFILE_UPDATE, T.plusSeconds(10),
                Map.of("email", "ann@app.example", "tier", "gold")));
        ProfileChange refused = eventFirst.merge(update(T, "ann@crm.example", null, Map.of("tier", "silver")));

        ProfileBook importFirst = new ProfileBook();
        importFirst.merge(update(T, "ann@crm.example", null, Map.of("tier", "silver")));
        importFirst.apply(CustomerEvent.of("e1", "c1", EventType.PROFILE_UPDATE, T.plusSeconds(10),
                Map.of("email", "ann@app.example", "tier", "gold")));

        assertThat(refused.stale()).containsExactlyInAnyOrder("email", "tier");
        for (ProfileBook book : new ProfileBook[]{eventFirst, importFirst}) {
            assertThat(book.get("c1").email()).isEqualTo("ann@app.example");
            assertThat(book.get("c1").value("tier")).isEqualTo("gold");
        }
    }

    @Test
    void restatingTheKnownValueAtTheSameTimeIsNeitherAChangeNorStale() {
        ProfileBook book = new ProfileBook();
        book.merge(update(T, "ann@example.com", true, Map.of()));
        ProfileChange again = book.merge(update(T, "ann@example.com", true, Map.of()));

        assertThat(again.changed()).isEmpty();
        assertThat(again.stale()).isEmpty();
    }

    @Test
    void anOlderUnsubscribeDoesNotUndoANewerConsent() {
        ProfileBook book = new ProfileBook();
        book.merge(update(T.plusSeconds(60), null, true, Map.of()));
        book.apply(CustomerEvent.of("u1", "c1", EventType.EMAIL_UNSUBSCRIBE, T, Map.of()));
        assertThat(book.get("c1").marketingConsent()).isTrue();

        book.apply(CustomerEvent.of("u2", "c1", EventType.EMAIL_UNSUBSCRIBE, T.plusSeconds(120), Map.of()));
        assertThat(book.get("c1").marketingConsent()).isFalse();
    }
}
