package com.mediassist.appliance.health;

import com.mediassist.store.Database;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the database answers a query; reports the schema version (never the file's path). */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    private final Database database;

    public DatabaseReadinessCheck(Database database) {
        this.database = database;
    }

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("database");
        try {
            int schemaVersion = database.ping();
            return builder.up().withData("schemaVersion", schemaVersion).build();
        } catch (RuntimeException e) {
            return builder.down().withData("error", PublicDetail.withoutPaths(String.valueOf(e.getMessage()))).build();
        }
    }
}
