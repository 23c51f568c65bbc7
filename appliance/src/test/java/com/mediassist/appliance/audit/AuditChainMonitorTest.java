package com.mediassist.appliance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.mediassist.appliance.status.ModuleHealth;
import com.mediassist.store.Database;
import com.mediassist.store.DatabaseOptions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditChainMonitorTest {

    @TempDir
    Path dir;

    @Test
    void aRewrittenRowIsShownOnTheStatusPageAndInReadinessWhileStayingReady() throws Exception {
        try (Database db = Database.open(DatabaseOptions.defaults(dir).withPasswordCost(4))) {
            for (int i = 1; i <= 3; i++) {
                db.audit().append("doctor", "patient.read", (long) i, "row " + i);
            }
            AuditChainMonitor monitor = new AuditChainMonitor(db, Clock.systemUTC(), () -> Duration.ofMinutes(10));
            AuditChainReadiness readiness = new AuditChainReadiness(monitor);
            assertThat(monitor.probe().state()).isEqualTo(ModuleHealth.State.UNKNOWN);
            monitor.check();
            assertThat(monitor.probe().state()).isEqualTo(ModuleHealth.State.UP);
            assertThat(monitor.probe().detail()).contains("intact (3 rows");

            db.audit().append("doctor", "patient.read", 4L, "row 4");
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("mediassist.db"));
                 Statement s = c.createStatement()) {
                s.executeUpdate("DROP TRIGGER audit_log_no_update");
                s.executeUpdate("UPDATE audit_log SET actor = 'someone-else' WHERE id = 4");
            }
            monitor.check();
            assertThat(monitor.probe().state()).isEqualTo(ModuleHealth.State.DOWN);
            assertThat(monitor.probe().detail()).startsWith("BROKEN at row 4");
            HealthCheckResponse ready = readiness.call();
            assertThat(ready.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(ready.getData().orElseThrow()).containsEntry("intact", false);
            assertThat(ready.getData().orElseThrow().get("state").toString()).contains("BROKEN at row 4");
        }
    }
}
