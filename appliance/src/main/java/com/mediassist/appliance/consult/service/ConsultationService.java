package com.mediassist.appliance.consult.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mediassist.appliance.failure.InvalidFieldException;
import com.mediassist.appliance.sync.UploadEvents;
import com.mediassist.store.Database;
import com.mediassist.store.Transaction;
import com.mediassist.store.consultations.Consultation;
import com.mediassist.store.consultations.ConsultationUpdate;
import com.mediassist.store.feedback.FeedbackAction;
import com.mediassist.store.feedback.Suggestion;
import com.mediassist.store.feedback.SuggestionKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Consultations and the feedback on suggestions. Every call is one store transaction that also
 * writes its audit row and, for the learning signal, its typed upload event built from server state
 * ({@link UploadEvents}): either all of it is stored or none.
 */
@ApplicationScoped
public class ConsultationService {

    private final Database database;
    private final ObjectMapper json;
    private final ConsultConfig config;
    private final ConsultationAccess access;
    private final UploadEvents uploads;

    public ConsultationService(Database database, ObjectMapper json, ConsultConfig config,
            ConsultationAccess access, UploadEvents uploads) {
        this.database = database;
        this.json = json;
        this.config = config;
        this.access = access;
        this.uploads = uploads;
    }

    /** Starts a consultation of {@code doctor} with a patient. */
    public ConsultationView start(Long patientId, String doctor) {
        if (patientId == null) {
            throw new InvalidFieldException("patientId", "is required");
        }
        return StoreProblems.translate(() -> database.inTransaction(tx -> {
            tx.patients().requireAlive(patientId);
            Consultation c = tx.consultations().start(patientId, doctor);
            tx.audit().append(doctor, "consultation.start", patientId, "consultation " + c.id());
            return view(c);
        }));
    }

    /** One consultation; the read is audited. */
    public ConsultationView get(long id, String user) {
        return StoreProblems.translate(() -> database.inTransaction(tx -> {
            Consultation c = tx.consultations().get(id);
            tx.audit().append(user, "consultation.read", c.patientId(), "consultation " + id);
            return view(c);
        }));
    }

    /** A patient's consultations, newest first; the read is audited. */
    public List<ConsultationView> forPatient(long patientId, String user) {
        return StoreProblems.translate(() -> database.inTransaction(tx -> {
            tx.patients().get(patientId);
            tx.audit().append(user, "consultation.list", patientId, null);
            return tx.consultations().listForPatient(patientId).stream().map(this::view).toList();
        }));
    }

    /** Saves the draft: note, recorded evidences, medicines as typed. */
    public ConsultationView saveDraft(long id, Requests.Draft draft, String user) {
        access.requireMayChange(id, user);
        if (draft == null) {
            throw new InvalidFieldException("body", "is required");
        }
        List<String> meds = draft.prescriptions() == null ? null
                : Medications.valid(draft.prescriptions());
        return StoreProblems.translate(() -> database.inTransaction(tx -> {
            Consultation c = tx.consultations().get(id);
            ObjectNode prescriptions = prescriptionsDoc(c);
            if (meds != null) {
                prescriptions.set("medications", json.valueToTree(meds));
            }
            Consultation next = tx.consultations().update(id, new ConsultationUpdate(draft.note(), null,
                    write(prescriptions), null));
            tx.audit().append(user, "consultation.draft", c.patientId(), "consultation " + id);
            return view(next);
        }));
    }

    /**
     * Signs the consultation off with its final diagnosis. The doctor's text and final diagnosis come
     * from the request; the evidences, the model and the structured note are {@code facts} the server
     * computed. The final diagnosis counts as the doctor accepting that candidate when it was shown.
     */
    public ConsultationView signOff(long id, Requests.SignOff request, SignOffFacts facts, String user) {
        access.requireMayChange(id, user);
        if (request == null) {
            throw new InvalidFieldException("body", "is required");
        }
        if (request.summaryText() == null || request.summaryText().isBlank()) {
            throw new InvalidFieldException("summaryText", "is required: generate and review the note before signing");
        }
        Requests.FinalDiagnosis fd = request.finalDiagnosis();
        if (fd == null || ((fd.code() == null || fd.code().isBlank()) && (fd.name() == null || fd.name().isBlank()))) {
            throw new InvalidFieldException("finalDiagnosis", "is required: a code from the differential or a name");
        }
        return StoreProblems.translate(() -> database.inTransaction(tx -> {
            Consultation c = tx.consultations().get(id);
            ObjectNode evidences = evidencesDoc(c);
            ObjectNode diagnosis = evidences.putObject("diagnosis");
            diagnosis.set("evidences", json.valueToTree(facts.present()));
            diagnosis.set("absent", json.valueToTree(facts.absent()));
            // The model is the server's: the engine that answered, else the loaded bundle.
            if (facts.model() != null) {
                diagnosis.set("model", facts.model());
            } else {
                uploads.activeModel().ifPresent(m -> diagnosis.set("model", json.valueToTree(m)));
            }
            diagnosis.set("final", json.valueToTree(fd));
            ObjectNode summary = evidences.putObject("summary");
            summary.put("text", request.summaryText());
            summary.set("structured", facts.structuredNote());
            summary.put("language", request.language());
            String finalText = fd.code() != null && !fd.code().isBlank() ? fd.code() : fd.name();
            tx.consultations().update(id, new ConsultationUpdate(null, write(evidences), null, finalText));
            Consultation signed = tx.consultations().signOff(id);

            List<Suggestion> shown = tx.feedback().suggestions(id);
            if (fd.code() != null && !fd.code().isBlank()) {
                latest(shown, SuggestionKind.DIAGNOSIS, fd.code()).ifPresent(s ->
                        tx.feedback().recordAction(s.id(), FeedbackAction.ACCEPTED, "final diagnosis at sign-off", user));
            }
            uploads.signedOff(tx, signed, tx.patients().get(c.patientId()), facts.present(), facts.absent(),
                    Optional.ofNullable(fd.code()).filter(ConsultationService::notBlank), prescriptionsDoc(signed));
            tx.audit().append(user, "consultation.sign-off", c.patientId(), "consultation " + id + " final " + finalText);
            return view(signed);
        }));
    }

    /**
     * Records that a suggestion was shown, or what the doctor did with it. "shown" is idempotent
     * per suggestion and bundle version; an action applies to the latest showing (recorded first
     * when the suggestion was never reported shown).
     */
    public void feedback(long id, Requests.Feedback request, String user) {
        access.requireMayChange(id, user);
        if (request == null) {
            throw new InvalidFieldException("body", "is required");
        }
        SuggestionKind kind = StoreProblems.translate(() -> SuggestionKind.fromCode(request.kind()));
        if (request.item() == null || request.item().isBlank()) {
            throw new InvalidFieldException("item", "is required");
        }
        String action = request.action() == null ? "" : request.action().strip().toLowerCase(Locale.ROOT);
        FeedbackAction feedbackAction = action.equals("shown") ? null
                : StoreProblems.translate(() -> FeedbackAction.fromCode(request.action()));
        if (feedbackAction == FeedbackAction.OVERRIDDEN && (request.reason() == null || request.reason().isBlank())) {
            throw new InvalidFieldException("reason", "is required when overriding a suggestion");
        }
        // Provenance and codes are the server's: the client's "model" is ignored, unknown items refused.
        UploadEvents.Served served = uploads.served(kind, config.knowledgeSource());
        String bundle = served.bundle();
        String version = served.version();
        String item = uploads.validItem(kind, request.item());
        StoreProblems.translate(() -> database.inTransaction(tx -> {
            Consultation c = tx.consultations().get(id);
            if (c.signedOff()) {
                throw new ConsultationClosedException(id, null, ConsultationClosedException.Refused.FEEDBACK);
            }
            record(tx, c, kind, item, feedbackAction, request.reason(), bundle, version, user);
            return null;
        }));
    }

    /** Records one showing or action and its outbox event, inside the caller's transaction. */
    void record(Transaction tx, Consultation c, SuggestionKind kind, String item, FeedbackAction action, String reason,
            String bundle, String version, String user) {
        List<Suggestion> shown = tx.feedback().suggestions(c.id());
        Optional<Suggestion> existing = latest(shown, kind, item)
                .filter(s -> s.bundleId().equals(bundle) && s.bundleVersion().equals(version));
        Suggestion s = existing.orElseGet(() -> tx.feedback().recordShown(c.id(), kind, item, bundle, version));
        if (action == null && existing.isPresent()) {
            return;
        }
        if (action != null) {
            tx.feedback().recordAction(s.id(), action, reason, user);
        }
        // The reason is the doctor's free text and may name the patient: it never leaves.
        uploads.feedback(tx, kind, item, action, version);
        tx.audit().append(user, "consultation.feedback", c.patientId(),
                "consultation " + c.id() + " " + kind.code() + " " + item + " " + (action == null ? "shown" : action.code()));
    }

    static Optional<Suggestion> latest(List<Suggestion> shown, SuggestionKind kind, String item) {
        return shown.stream().filter(s -> s.kind() == kind && s.itemCode().equals(item))
                .max(Comparator.comparingLong(Suggestion::id));
    }

    /** The stored consultation as the API shows it. */
    public ConsultationView view(Consultation c) {
        ObjectNode evidences = evidencesDoc(c);
        ObjectNode prescriptions = prescriptionsDoc(c);
        List<String> meds = new ArrayList<>();
        prescriptions.withArray("medications").forEach(n -> meds.add(n.asText()));
        JsonNode summary = evidences.path("summary");
        JsonNode finalDx = evidences.path("diagnosis").path("final");
        return new ConsultationView(c.id(), c.patientId(), c.doctor(), c.startedAt(), c.signedOffAt().orElse(null),
                c.noteText(), evidences.withArray("recorded"), meds, prescriptions.withArray("overrides"),
                finalDx.isMissingNode() || finalDx.isNull()
                        ? c.finalDiagnosis().<JsonNode>map(d -> JsonNodeFactory.instance.objectNode().put("name", d)).orElse(null)
                        : finalDx,
                summary.path("text").isTextual() ? summary.path("text").asText() : null);
    }

    /** The consultation's evidences document (recorded evidences, the doctor's marks, what sign-off stored). */
    public ObjectNode evidencesDoc(Consultation c) {
        JsonNode node = read(c.evidencesJson());
        if (node instanceof ObjectNode o) {
            return o;
        }
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.set("recorded", node != null && node.isArray() ? node : JsonNodeFactory.instance.arrayNode());
        return doc;
    }

    /** The consultation's prescription document (medicines as typed, overrides). */
    public ObjectNode prescriptionsDoc(Consultation c) {
        JsonNode node = read(c.prescriptionsJson());
        if (node instanceof ObjectNode o) {
            return o;
        }
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.set("medications", node != null && node.isArray() ? node : JsonNodeFactory.instance.arrayNode());
        doc.putArray("overrides");
        return doc;
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text == null || text.isBlank() ? "[]" : text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored consultation JSON is not valid JSON", e);
        }
    }

    /** Serialises a consultation document. */
    public String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise consultation JSON", e);
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
