package dev.triggerforge.server.engine;

import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.decision.Suppression;
import dev.triggerforge.model.optimization.PolicySnapshot;
import dev.triggerforge.rules.compile.RuleSetCompiler;
import dev.triggerforge.rules.library.TriggerLibrary;
import dev.triggerforge.rules.optimization.OptimizationSettings;
import dev.triggerforge.rules.optimization.Policy;
import dev.triggerforge.rules.session.SessionListener;
import dev.triggerforge.rules.session.SessionOptions;
import dev.triggerforge.rules.session.TriggerSession;
import dev.triggerforge.server.optimization.OptimizationProfile;
import dev.triggerforge.server.optimization.PolicyStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuilding partition replays each stored turn with the policy of that turn's period, read from the store, and
 * ends on the newer of the live policy and the last stored one.
 */
@QuarkusTest
@TestProfile(OptimizationProfile.class)
class PeriodPoliciesTest {

    private static final Instant P1 = Instant.parse("2001-02-03T10:00:00Z");
    private static final Instant P2 = P1.plus(Duration.ofHours(1));
    private static final OptimizationSettings HOURLY = OptimizationSettings.DEFAULTS;

    @Inject
    PolicyStore store;

    @Test
    void eachReplayedTurnUsesThePolicyOfItsPeriod() throws Exception {
        store.storeFirst(PolicySnapshot.empty(P1), "test", P1);
        store.storeFirst(PolicySnapshot.empty(P2), "test", P2);
        PeriodPolicies periods = new PeriodPolicies(store, P1.minus(Duration.ofMinutes(30)),
                P2.plus(Duration.ofMinutes(30)), HOURLY);
        SessionListener quiet = new SessionListener() {
            @Override
            public void onDecision(EmailDecision decision) {
            }

            @Override
            public void onSuppression(Suppression suppression) {
            }
        };
        try (TriggerSession session = new TriggerSession(new RuleSetCompiler().compile(TriggerLibrary.ruleSet()),
                SessionOptions.DEFAULTS, quiet, P1.minus(Duration.ofMinutes(30)))) {
            Instant before = session.optimizer().policy().at();
            periods.applyAt(P1.minus(Duration.ofMinutes(10)), session);
            assertThat(session.optimizer().policy().at()).as("no stored period yet").isEqualTo(before);

            periods.applyAt(P1.plus(Duration.ofMinutes(5)), session);
            assertThat(session.optimizer().policy().at()).isEqualTo(P1);
            periods.applyAt(P2.plus(Duration.ofMinutes(5)), session);
            assertThat(session.optimizer().policy().at()).isEqualTo(P2);

            periods.applyLatest(new Policy(PolicySnapshot.empty(P1), HOURLY), session);
            assertThat(session.optimizer().policy().at()).as("the stored period is newer than the live one")
                    .isEqualTo(P2);
            Instant later = P2.plus(Duration.ofHours(5));
            periods.applyLatest(new Policy(new PolicySnapshot(later, Map.of(), Map.of()), HOURLY), session);
            assertThat(session.optimizer().policy().at()).isEqualTo(later);
        }
    }
}
