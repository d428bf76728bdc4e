package dev.triggerforge.server.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.List;
import java.util.Map;

/**
 * Turns the one setting {@code triggerforge.database} (h2 or postgresql) into the active flags of the matching
 * datasource, persistence unit and Flyway instance, because Quarkus fixes a datasource's kind at build time and the
 * same artifact must run on either.
 */
public final class DatabaseSelection implements ConfigSourceFactory {

    public static final String PROPERTY = "triggerforge.database";
    public static final List<String> KINDS = List.of("h2", "postgresql");

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue chosen = context.getValue(PROPERTY);
        String kind = chosen == null || chosen.getValue() == null ? "h2" : chosen.getValue().trim().toLowerCase();
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException(PROPERTY + " must be one of " + KINDS + ", not '" + kind + "'");
        }
        Map<String, String> flags = new java.util.HashMap<>();
        for (String k : KINDS) {
            String active = Boolean.toString(k.equals(kind));
            flags.put("quarkus.datasource." + k + ".active", active);
            flags.put("quarkus.hibernate-orm." + k + ".active", active);
            flags.put("quarkus.flyway." + k + ".active", active);
        }
        return List.of(new PropertiesConfigSource(flags, "triggerforge-database-selection", 275));
    }
}
