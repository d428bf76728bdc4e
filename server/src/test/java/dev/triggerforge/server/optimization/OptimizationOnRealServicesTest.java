package dev.triggerforge.server.optimization;

import dev.triggerforge.server.testing.RealServices;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The adaptive optimization tests against RabbitMQ and PostgreSQL: the policy table, its queries and migrations. */
@QuarkusTest
@TestProfile(OptimizationOnRealServices.class)
@EnabledIfEnvironmentVariable(named = RealServices.ENABLED, matches = "on")
class OptimizationOnRealServicesTest extends OptimizationLiveTest {
}
