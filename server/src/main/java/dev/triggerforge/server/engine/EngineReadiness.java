package dev.triggerforge.server.engine;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Ready once every partition has rebuilt its session from the store and takes events live; in cluster mode, every
 * partition this instance owns, which the data lists.
 */
@Readiness
@ApplicationScoped
public class EngineReadiness implements HealthCheck {

    private final Engine engine;

    EngineReadiness(Engine engine) {
        this.engine = engine;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("triggerforge-engine").status(engine.ready())
                .withData("partitions", engine.partitionCount())
                .withData("owned", engine.ownedPartitions().toString())
                .withData("ruleSetVersion", engine.activeRules() == null ? -1 : engine.activeRules().version())
                .build();
    }
}
