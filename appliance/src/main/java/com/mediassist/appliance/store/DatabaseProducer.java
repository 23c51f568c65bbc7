package com.mediassist.appliance.store;

import com.mediassist.appliance.security.SecurityConfig;
import com.mediassist.store.Database;
import com.mediassist.store.DatabaseOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Opens the embedded store once per application (applying pending migrations) and closes it at
 * shut-down. Inject {@link Database}; calls on it are each a transaction, and
 * {@code database.inTransaction(tx -> ...)} groups several.
 */
@ApplicationScoped
public class DatabaseProducer {

    private static final Logger LOG = Logger.getLogger(DatabaseProducer.class);

    @Produces
    @Singleton
    Database database(StoreConfig config, SecurityConfig security, Clock clock) {
        DatabaseOptions options = DatabaseOptions.defaults(config.dataDir().toAbsolutePath().normalize())
                .withClock(clock)
                .withPasswordCost(security.passwordCost());
        Database database = Database.open(options);
        LOG.infof("Opened the store %s at schema version %d (%d migrations applied now)", database.file(),
                database.schemaVersion(), database.migrationsAppliedAtOpen().size());
        return database;
    }

    void close(@Disposes Database database) {
        database.close();
    }
}
