package com.mediassist.appliance.consult.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.mediassist.appliance.summary.service.FhirNoteExporter;
import com.mediassist.appliance.summary.service.SummaryService;
import com.mediassist.core.knowledge.Language;
import com.mediassist.core.summary.StructuredNote;
import com.mediassist.core.summary.SummaryException;
import com.mediassist.store.Database;
import com.mediassist.store.consultations.Consultation;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Exports a signed-off consultation as a FHIR R4 document Bundle. The structure is extracted again
 * on the server from the signed note (the stored text is the record, not what a browser sent), and
 * the narrative is the summary as the doctor edited and signed it.
 */
@ApplicationScoped
public class ConsultationExportService {

    private final Database database;
    private final ConsultationService consultations;
    private final SummaryService summaries;
    private final FhirNoteExporter exporter;

    public ConsultationExportService(Database database, ConsultationService consultations, SummaryService summaries,
            FhirNoteExporter exporter) {
        this.database = database;
        this.consultations = consultations;
        this.summaries = summaries;
        this.exporter = exporter;
    }

    /**
     * The Bundle as FHIR JSON; the export is audited.
     *
     * @throws com.mediassist.store.RecordNotFoundException for an unknown consultation
     * @throws ConsultationStillOpenException when it is not signed off yet
     * @throws NoteNotStructuredException when the signed note cannot be read
     */
    public String fhir(long id, String user) {
        Consultation c = StoreProblems.translate(() -> database.consultations().get(id));
        if (!c.signedOff()) {
            throw new ConsultationStillOpenException(id);
        }
        JsonNode summary = consultations.evidencesDoc(c).path("summary");
        String signedText = summary.path("text").asText("");
        String source = c.noteText().isBlank() ? signedText : c.noteText();
        Language language = switch (summary.path("language").asText("")) {
            case "es" -> Language.ES;
            case "en" -> Language.EN;
            default -> null;
        };
        StructuredNote extracted;
        try {
            extracted = summaries.extract(source, language);
        } catch (SummaryException e) {
            throw new NoteNotStructuredException(id, e);
        }
        StructuredNote note = new StructuredNote(extracted.language(), extracted.detected(), extracted.sections(),
                extracted.findings(), extracted.medications(), extracted.allergies(), extracted.vitals(),
                signedText.isBlank() ? extracted.summary() : signedText, extracted.evidences(), extracted.absent(),
                extracted.source());
        String json = exporter.toJson(new FhirNoteExporter.SignedNote(note, "Patient/" + c.patientId(), c.doctor(),
                c.signedOffAt().orElseThrow()));
        StoreProblems.translate(() -> database.audit().append(user, "consultation.export-fhir", c.patientId(),
                "consultation " + id));
        return json;
    }
}
