package com.mediassist.appliance.prevention.rest;

import com.mediassist.appliance.problem.ApiProblemException;
import com.mediassist.appliance.prevention.service.SmokingHistoryService;
import com.mediassist.core.prevention.SmokingStatus;
import com.mediassist.store.history.HistoryItem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code POST /api/v1/patients/{id}/smoking} with {@code {"status": "former", "packYears": 30,
 * "quitDate": "2015-06-30"}} (any subset): stores the smoking history as coded observations and answers
 * them. Bad values: 400 naming the field; a deceased patient: 409.
 */
@Path("/api/v1/patients/{id}/smoking")
@RolesAllowed({"doctor", "admin"})
public class SmokingHistoryResource {

    /**
     * The smoking history the doctor states.
     *
     * @param status    current, former or never
     * @param packYears cumulative pack-years
     * @param quitDate  when a former smoker quit
     */
    public record SmokingHistoryRequest(String status, Double packYears, LocalDate quitDate) {
    }

    private final SmokingHistoryService service;

    public SmokingHistoryResource(SmokingHistoryService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public List<HistoryItem> record(@PathParam("id") long id, SmokingHistoryRequest body) {
        if (body == null) {
            throw ApiProblemException.badField("body", "expected {\"status\", \"packYears\", \"quitDate\"}");
        }
        return service.record(id, SmokingStatus.parse(body.status()), body.packYears(), body.quitDate());
    }
}
