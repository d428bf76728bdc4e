package dev.triggerforge.server.store;

import dev.triggerforge.server.config.DatabaseSelection;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.PersistenceUnit;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.hibernate.StatelessSession;

/**
 * Hands out the Hibernate session of the configured database. Both persistence units map the same entities; only the
 * one {@link DatabaseSelection} activated is usable.
 */
@ApplicationScoped
public class Database {

    private final String unit;

    Database(@ConfigProperty(name = DatabaseSelection.PROPERTY, defaultValue = "h2") String unit) {
        this.unit = unit.trim().toLowerCase();
    }

    public String kind() {
        return unit;
    }

    public Session session() {
        return Arc.container().select(Session.class, new PersistenceUnit.PersistenceUnitLiteral(unit)).get();
    }

    /** The connection pool itself, for a hot read that needs neither a transaction nor entities. */
    public AgroalDataSource dataSource() {
        return Arc.container().select(AgroalDataSource.class, new DataSource.DataSourceLiteral(unit)).get();
    }

    public StatelessSession statelessSession() {
        return Arc.container().select(StatelessSession.class, new PersistenceUnit.PersistenceUnitLiteral(unit)).get();
    }
}
