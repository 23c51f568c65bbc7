package com.mediassist.appliance.audit;

import com.mediassist.appliance.problem.ApiProblemException;
import com.mediassist.appliance.problem.QueryParams;
import com.mediassist.store.Database;
import com.mediassist.store.audit.AuditChainBrokenException;
import com.mediassist.store.audit.AuditEntry;
import com.mediassist.store.audit.AuditVerification;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The audit log for administrators: {@code GET /api/v1/audit} (newest first) and its verification. */
@Path("/api/v1/audit")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    /**
     * The outcome of checking the hash chain.
     *
     * @param intact     whether every row matches its hash and link
     * @param rows       rows checked (when intact)
     * @param headHash   the newest row's hash (when intact)
     * @param brokenAtId the first row where the chain breaks (when not intact)
     * @param reason     what is wrong there (when not intact)
     */
    public record Verification(boolean intact, Long rows, String headHash, Long brokenAtId, String reason) {
    }

    private final Database database;

    public AuditResource(Database database) {
        this.database = database;
    }

    @GET
    public List<AuditEntry> list(@QueryParam("patientId") String patientIdParam, @QueryParam("beforeId") String beforeIdParam,
            @QueryParam("limit") String limitParam) {
        Long patientId = QueryParams.optionalLong("patientId", patientIdParam);
        Long beforeId = QueryParams.optionalLong("beforeId", beforeIdParam);
        int limit = QueryParams.intOr("limit", limitParam, 100);
        if (limit < 1 || limit > 1000) {
            throw ApiProblemException.badField("limit", "must be between 1 and 1000, got " + limit);
        }
        return database.audit().list(patientId, beforeId, limit);
    }

    @GET
    @Path("verify")
    public Verification verify() {
        try {
            AuditVerification ok = database.audit().verify();
            return new Verification(true, ok.rows(), ok.headHash(), null, null);
        } catch (AuditChainBrokenException e) {
            return new Verification(false, null, null, e.rowId(), e.reason());
        }
    }
}
