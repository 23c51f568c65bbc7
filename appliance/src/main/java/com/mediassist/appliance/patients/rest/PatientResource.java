package com.mediassist.appliance.patients.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mediassist.appliance.fhir.FhirExportService;
import com.mediassist.appliance.patients.service.PatientService;
import com.mediassist.appliance.problem.ApiProblemException;
import com.mediassist.store.Page;
import com.mediassist.store.history.AllergyEntry;
import com.mediassist.store.history.ConditionEntry;
import com.mediassist.store.history.HistoryEntry;
import com.mediassist.store.history.HistoryItem;
import com.mediassist.store.history.HistoryKind;
import com.mediassist.store.history.ImmunizationEntry;
import com.mediassist.store.history.MedicationEntry;
import com.mediassist.store.history.ObservationEntry;
import com.mediassist.store.history.ProcedureEntry;
import com.mediassist.store.patients.Patient;
import com.mediassist.store.patients.PatientDetails;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Patients and their history under {@code /api/v1/patients}, for doctors and admins. Bodies are the
 * store's records as JSON ({@link PatientDetails} to write, {@link Patient} back; one of the
 * {@link HistoryEntry} records per history kind). Errors are problem details naming the field.
 */
@Path("/api/v1/patients")
@RolesAllowed({"doctor", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class PatientResource {

    private static final String KINDS = "conditions|medications|allergies|immunizations|procedures|observations";

    private final PatientService patients;
    private final FhirExportService fhirExport;
    private final ObjectMapper json;

    public PatientResource(PatientService patients, FhirExportService fhirExport, ObjectMapper json) {
        this.patients = patients;
        this.fhirExport = fhirExport;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(PatientDetails details) {
        Patient created = patients.create(required(details));
        return Response.created(URI.create("/api/v1/patients/" + created.id())).entity(created).build();
    }

    /** Search by name fragments or patient number ({@code q}), paged; a blank query lists everyone. */
    @GET
    public Page<Patient> search(@QueryParam("q") String query, @QueryParam("page") @DefaultValue("0") String page,
            @QueryParam("size") @DefaultValue("20") String size) {
        return patients.search(query, integer("page", page), integer("size", size));
    }

    @GET
    @Path("{id}")
    public Patient get(@PathParam("id") String id) {
        return patients.get(id(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Patient update(@PathParam("id") String id, PatientDetails details) {
        return patients.update(id(id), required(details));
    }

    /** The whole history, keyed by kind ({@code conditions}, {@code medications}, …). */
    @GET
    @Path("{id}/history")
    public Map<String, List<HistoryItem>> history(@PathParam("id") String id) {
        Map<String, List<HistoryItem>> byName = new LinkedHashMap<>();
        patients.history(id(id)).forEach((kind, items) -> byName.put(kind.plural(), items));
        return byName;
    }

    /** The patient's record as a FHIR R4 Bundle of type collection. */
    @GET
    @Path("{id}/fhir")
    @Produces({"application/fhir+json", MediaType.APPLICATION_JSON})
    public Response exportFhir(@PathParam("id") String id) {
        long patientId = id(id);
        return Response.ok(fhirExport.export(patientId), "application/fhir+json")
                .header("Content-Disposition", "attachment; filename=\"patient-" + patientId + ".fhir.json\"")
                .build();
    }

    @GET
    @Path("{id}/{kind: " + KINDS + "}")
    public List<HistoryItem> listItems(@PathParam("id") String id, @PathParam("kind") String kind) {
        return patients.listItems(id(id), HistoryKind.fromName(kind));
    }

    @POST
    @Path("{id}/{kind: " + KINDS + "}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addItem(@PathParam("id") String id, @PathParam("kind") String kind, JsonNode body)
            throws IOException {
        long patientId = id(id);
        HistoryKind historyKind = HistoryKind.fromName(kind);
        if (body == null || !body.isObject()) {
            throw ApiProblemException.badField("body", "expected a JSON object describing one of the patient's "
                    + historyKind.plural());
        }
        HistoryEntry entry = json.treeToValue(body, entryType(historyKind));
        if (entry.coding() == null) {
            throw ApiProblemException.badField("coding", "required: {\"display\": ...} and optionally system and code");
        }
        HistoryItem item = patients.addItem(patientId, entry);
        return Response.created(URI.create("/api/v1/patients/" + patientId + "/" + historyKind.plural() + "/" + item.id()))
                .entity(item).build();
    }

    @DELETE
    @Path("{id}/{kind: " + KINDS + "}/{itemId}")
    public Response deleteItem(@PathParam("id") String id, @PathParam("kind") String kind,
            @PathParam("itemId") String itemId) {
        patients.deleteItem(id(id), HistoryKind.fromName(kind), number("itemId", itemId));
        return Response.noContent().build();
    }

    static Class<? extends HistoryEntry> entryType(HistoryKind kind) {
        return switch (kind) {
            case CONDITION -> ConditionEntry.class;
            case MEDICATION -> MedicationEntry.class;
            case ALLERGY -> AllergyEntry.class;
            case IMMUNIZATION -> ImmunizationEntry.class;
            case PROCEDURE -> ProcedureEntry.class;
            case OBSERVATION -> ObservationEntry.class;
        };
    }

    private static PatientDetails required(PatientDetails details) {
        if (details == null) {
            throw ApiProblemException.badField("body", "expected a JSON object with patientNumber, givenName, "
                    + "familyName, birthDate (yyyy-MM-dd) and sex");
        }
        return details;
    }

    private static long id(String text) {
        return number("id", text);
    }

    private static long number(String field, String text) {
        try {
            long value = Long.parseLong(text.strip());
            if (value < 1) {
                throw ApiProblemException.badField(field, "must be a positive number, got " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiProblemException.badField(field, "must be a number, got '" + text + "'");
        }
    }

    private static int integer(String field, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw ApiProblemException.badField(field, "must be a whole number, got '" + text + "'");
        }
    }
}
