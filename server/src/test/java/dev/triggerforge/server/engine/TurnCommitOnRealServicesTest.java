package dev.triggerforge.server.engine;

import dev.triggerforge.server.testing.RealServices;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The same commits against the PostgreSQL of this machine, whose batched inserts the driver rewrites. */
@QuarkusTest
@TestProfile(RealServices.class)
@EnabledIfEnvironmentVariable(named = RealServices.ENABLED, matches = "on")
class TurnCommitOnRealServicesTest extends TurnCommitTest {
}
