package dev.triggerforge.server.optimization;

import dev.triggerforge.server.testing.RealServices;

import java.util.HashMap;
import java.util.Map;

/** The RabbitMQ and PostgreSQL of this machine, with the short learning periods of {@link OptimizationProfile}. */
public class OptimizationOnRealServices extends RealServices {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        new OptimizationProfile().getConfigOverrides().forEach((key, value) -> {
            if (!key.startsWith("quarkus.datasource")) {
                overrides.put(key, value);
            }
        });
        return overrides;
    }
}
