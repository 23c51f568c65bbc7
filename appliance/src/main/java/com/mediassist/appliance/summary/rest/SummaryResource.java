package com.mediassist.appliance.summary.rest;

import com.mediassist.appliance.problem.ApiProblemException;
import com.mediassist.appliance.summary.service.FhirNoteExporter;
import com.mediassist.appliance.summary.service.SummaryService;
import com.mediassist.core.knowledge.InvalidClinicalInputException;
import com.mediassist.core.knowledge.Language;
import com.mediassist.core.summary.NoteTooLongException;
import com.mediassist.core.summary.StructuredNote;
import com.mediassist.core.summary.UnreadableNoteException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The consultation summary: free text in, structured note out; and the signed-off note as FHIR.
 * Stateless; the UI calls the first endpoint as the doctor types.
 */
@Path("/api/v1/summary")
@RolesAllowed({"doctor", "admin"})
@Consumes(MediaType.APPLICATION_JSON)
public class SummaryResource {

    private static final Pattern PATIENT_REFERENCE = Pattern.compile("Patient/[A-Za-z0-9\\-.]{1,64}");
    private static final int MAX_AUTHOR = 200;

    private final SummaryService summaries;
    private final FhirNoteExporter exporter;

    public SummaryResource(SummaryService summaries, FhirNoteExporter exporter) {
        this.summaries = summaries;
        this.exporter = exporter;
    }

    /**
     * Structures a note: sections, findings with status and DDXPlus evidence, medicines, allergies,
     * vitals, a readable summary and the evidences for {@code /api/v1/diagnosis}.
     */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public StructuredNote summarize(SummaryRequest request) {
        if (request == null) {
            throw ApiProblemException.badField("text", "a JSON body {\"text\": \"...\"} is required");
        }
        Language language = language(request.language());
        String text = request.text();
        if (text == null || text.isBlank()) {
            throw ApiProblemException.badField("text", "is empty; send the note's text");
        }
        try {
            return summaries.extract(text, language);
        } catch (NoteTooLongException e) {
            throw new ApiProblemException(413, "Note too long", e.getMessage());
        } catch (UnreadableNoteException e) {
            throw ApiProblemException.badField("text", e.getMessage());
        }
    }

    /** The signed-off note as a FHIR R4 document Bundle (Composition first). */
    @POST
    @Path("/fhir")
    @Produces({"application/fhir+json", MediaType.APPLICATION_JSON})
    public String exportFhir(FhirExportRequest request) {
        if (request == null || request.note() == null) {
            throw ApiProblemException.badField("note", "the structured note returned by POST /api/v1/summary is required");
        }
        if (request.patient() == null || !PATIENT_REFERENCE.matcher(request.patient()).matches()) {
            throw ApiProblemException.badField("patient", "must be a reference like \"Patient/123\", found \""
                    + request.patient() + "\"");
        }
        if (request.author() == null || request.author().isBlank() || request.author().length() > MAX_AUTHOR) {
            throw ApiProblemException.badField("author", "who signed the note off is required (at most "
                    + MAX_AUTHOR + " characters)");
        }
        Instant signedAt;
        try {
            signedAt = Instant.parse(request.signedAt() == null ? "" : request.signedAt());
        } catch (DateTimeParseException e) {
            throw ApiProblemException.badField("signedAt", "must be an ISO-8601 instant like 2026-11-24T09:30:00Z, found \""
                    + request.signedAt() + "\"");
        }
        StructuredNote note = request.note();
        if (note.language() == null || note.sections() == null || note.findings() == null) {
            throw ApiProblemException.badField("note", "is not a structured note (language, sections and findings are required)");
        }
        return exporter.toJson(new FhirNoteExporter.SignedNote(note, request.patient(), request.author().strip(), signedAt));
    }

    private static Language language(String code) {
        if (code == null || code.isBlank() || code.trim().toLowerCase(Locale.ROOT).equals("auto")) {
            return null;
        }
        try {
            return Language.fromCode(code);
        } catch (InvalidClinicalInputException e) {
            throw ApiProblemException.badField("language", "must be \"es\", \"en\" or \"auto\", found \"" + code + "\"");
        }
    }
}
