package com.mediassist.appliance.sync;

import com.mediassist.sync.upload.SyncStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Optional;

/** {@code GET /api/v1/sync/status}: the upload queue and what left the box last (admin). */
@Path("/api/v1/sync/status")
@RolesAllowed("admin")
public class SyncResource {

    private final SyncScheduler scheduler;

    public SyncResource(SyncScheduler scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * The status page's sync section.
     *
     * @param enabled   whether the scheduler runs
     * @param problem   why it does not although configured
     * @param nextRunAt when it runs next
     * @param queue     the queue
     */
    public record SyncView(boolean enabled, Optional<String> problem, Optional<Instant> nextRunAt, SyncStatus queue) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public SyncView status() {
        return new SyncView(scheduler.enabled(), scheduler.configurationProblem(), scheduler.nextRunAt(), scheduler.status());
    }
}
