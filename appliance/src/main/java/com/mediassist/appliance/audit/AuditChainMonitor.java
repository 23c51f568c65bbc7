package com.mediassist.appliance.audit;

import com.mediassist.appliance.status.ModuleHealth;
import com.mediassist.appliance.status.ModuleProbe;
import com.mediassist.store.Database;
import com.mediassist.store.StoreException;
import com.mediassist.store.audit.AuditChainBrokenException;
import com.mediassist.store.audit.AuditVerification;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Verifies the audit chain in the background: the whole chain once at start-up, then every
 * {@code mediassist.audit.verify-interval} the rows written since the last check (and that the last
 * checked row is unchanged). A broken chain is logged, shown on the status page (module
 * {@value #NAME}, down) and in the readiness details; the appliance keeps serving doctors. Once
 * broken it stays reported until the next start.
 */
@ApplicationScoped
public class AuditChainMonitor implements ModuleProbe {

    /** Name on the status page and in readiness details. */
    public static final String NAME = "audit-chain";

    private static final Logger LOG = Logger.getLogger(AuditChainMonitor.class);

    /**
     * The last result.
     *
     * @param verified rows and head of the last successful check, or null before the first
     * @param broken why the chain does not hold, or null
     * @param checkedAt when it was last checked, or null before the first
     */
    public record State(AuditVerification verified, AuditChainBrokenException broken, Instant checkedAt) {

        /** One line for people: intact with its row count, broken with row and reason, or not yet checked. */
        public String describe() {
            if (broken != null) {
                return "BROKEN at row " + broken.rowId() + ": " + broken.reason();
            }
            return verified == null ? "not yet verified" : "intact (" + verified.rows() + " rows, checked " + checkedAt + ")";
        }
    }

    private final Database database;
    private final Clock clock;
    private final AuditChainConfig config;
    private volatile State state = new State(null, null, null);
    private ScheduledExecutorService scheduler;

    public AuditChainMonitor(Database database, Clock clock, AuditChainConfig config) {
        this.database = database;
        this.clock = clock;
        this.config = config;
    }

    void onStart(@Observes StartupEvent start) {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "audit-chain-check");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, config.verifyInterval().toSeconds());
        scheduler.scheduleWithFixedDelay(this::check, 0, every, TimeUnit.SECONDS);
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** Checks the rows since the last check (all of them the first time) and records the outcome. */
    public State check() {
        State before = state;
        if (before.broken() != null) {
            return before;
        }
        try {
            AuditVerification now = database.audit().verifyAfter(before.verified());
            state = new State(now, null, clock.instant());
        } catch (AuditChainBrokenException e) {
            LOG.errorf("The audit log's chain is broken at row %d: %s. The appliance keeps serving; "
                    + "investigate who changed the database.", e.rowId(), e.reason());
            state = new State(before.verified(), e, clock.instant());
        } catch (StoreException | IllegalStateException e) {
            // Storage trouble (or closed at shutdown) is not tampering: try again next time.
            LOG.warnf("The audit chain could not be checked now: %s", e.getMessage());
        }
        return state;
    }

    /** The last result. */
    public State state() {
        return state;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ModuleHealth probe() {
        State s = state;
        ModuleHealth.State health = s.broken() != null ? ModuleHealth.State.DOWN
                : s.verified() == null ? ModuleHealth.State.UNKNOWN : ModuleHealth.State.UP;
        return new ModuleHealth(NAME, health, s.describe());
    }
}
