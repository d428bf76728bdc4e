package dev.triggerforge.server.events;

import dev.triggerforge.server.testing.RealServices;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The same ingestion tests against the RabbitMQ and PostgreSQL of this machine, as production runs. */
@QuarkusTest
@TestProfile(RealServices.class)
@EnabledIfEnvironmentVariable(named = RealServices.ENABLED, matches = "on")
class IngestionOnRealServicesTest extends IngestionTest {
}
