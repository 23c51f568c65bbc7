package com.mediassist.appliance.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mediassist.appliance.diagnosis.service.DiagnosisService;
import com.mediassist.appliance.failure.InvalidFieldException;
import com.mediassist.core.InferenceCoreException;
import com.mediassist.core.bundle.BundleManifest;
import com.mediassist.core.deid.DeidBundle;
import com.mediassist.core.diagnosis.DiagnosisResult;
import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.core.knowledge.Language;
import com.mediassist.core.knowledge.Sex;
import com.mediassist.core.medication.Alert;
import com.mediassist.appliance.knowledge.ActiveKnowledge;
import com.mediassist.store.Transaction;
import com.mediassist.store.consultations.Consultation;
import com.mediassist.store.feedback.FeedbackAction;
import com.mediassist.store.feedback.SuggestionKind;
import com.mediassist.store.patients.Patient;
import com.mediassist.sync.upload.InvalidEventException;
import com.mediassist.sync.upload.event.AlertOutcome;
import com.mediassist.sync.upload.event.EventCodec;
import com.mediassist.sync.upload.event.EventFactory;
import com.mediassist.sync.upload.event.FeedbackKind;
import com.mediassist.sync.upload.event.MedicationAlert;
import com.mediassist.sync.upload.event.QueuedEvent;
import com.mediassist.sync.upload.event.UploadEvent;
import com.mediassist.sync.upload.notes.NoteUpload;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Builds the typed upload events from what the server itself knows and enqueues them in the
 * caller's transaction. Provenance is the server's: the model version is the one of the engine
 * loaded here (for sign-off, the engine re-answers the validated findings), codes are validated
 * against the knowledge in use (unknown codes are refused with 400), and nothing the user typed
 * (notes, free-text diagnoses, override reasons, names) has a field to go into.
 */
@ApplicationScoped
public class UploadEvents {

    private static final Logger LOG = Logger.getLogger(UploadEvents.class);
    private static final ObjectMapper NOTE_JSON = new ObjectMapper();

    private final DiagnosisService diagnosis;
    private final ActiveKnowledge knowledge;
    private final SyncConfig config;
    private final Clock clock;
    private final NoteUpload notes;

    public UploadEvents(DiagnosisService diagnosis, ActiveKnowledge knowledge, SyncConfig config, Clock clock) {
        this.diagnosis = diagnosis;
        this.knowledge = knowledge;
        this.config = config;
        this.clock = clock;
        this.notes = noteUpload(config.uploadNotes());
    }

    /**
     * The note-upload policy: off unless the clinic opted in; opted in, the shipped de-identifier
     * (notes leave only while it meets its recall gate; none leaves when it cannot be loaded).
     */
    static NoteUpload noteUpload(boolean optedIn) {
        if (!optedIn) {
            return NoteUpload.off();
        }
        try {
            return NoteUpload.optedIn(DeidBundle.shipped(), new SecureRandom());
        } catch (InferenceCoreException e) {
            LOG.error("mediassist.sync.upload-notes=true, but the de-identifier could not be loaded, so no note leaves: "
                    + e.getMessage());
            return new NoteUpload(true, Optional.empty(), new SecureRandom());
        }
    }

    /** Whether and how scrubbed notes leave. */
    public NoteUpload notes() {
        return notes;
    }

    /**
     * What produced a suggestion of this kind on this server.
     *
     * @param bundle  bundle or knowledge id
     * @param version its version
     */
    public record Served(String bundle, String version) {
    }

    /**
     * The bundle that serves {@code kind} here: the loaded diagnosis bundle for diagnoses and
     * questions, the active knowledge (named {@code knowledgeSource}, with the active knowledge bundle's
     * version) otherwise. The client's claim is ignored.
     *
     * @throws NoBundleLoadedException when a diagnosis suggestion is reported while no bundle is loaded
     */
    public Served served(SuggestionKind kind, String knowledgeSource) {
        if (kind == SuggestionKind.DIAGNOSIS || kind == SuggestionKind.QUESTION) {
            BundleManifest m = diagnosis.activeBundle().orElseThrow(() -> new NoBundleLoadedException(kind));
            return new Served(m.id(), m.version());
        }
        return new Served(knowledgeSource, knowledge.current().version());
    }

    /** The loaded diagnosis bundle, when there is one. */
    public Optional<Served> activeModel() {
        return diagnosis.activeBundle().map(m -> new Served(m.id(), m.version()));
    }

    /**
     * The item as a code of the knowledge for its kind (pathology, evidence, workup test).
     *
     * @throws InvalidFieldException naming {@code item} when it is not one
     */
    public String validItem(SuggestionKind kind, String item) {
        String code = item.strip();
        Optional<FeedbackKind> uploadKind = uploadKind(kind);
        if (kind == SuggestionKind.TEST && knowledge.current().workup().pathologies().stream()
                .flatMap(p -> p.tests().stream()).noneMatch(t -> t.test().equals(code))) {
            throw new InvalidFieldException("item", "'" + clip(code) + "' is not a test of the workup knowledge");
        }
        if (uploadKind.isPresent() && (kind == SuggestionKind.DIAGNOSIS || kind == SuggestionKind.QUESTION)) {
            try {
                return factory().feedback(uploadKind.get(), code, Optional.empty(),
                        com.mediassist.sync.upload.event.FeedbackAction.SHOWN, "0", clock.instant()).item();
            } catch (InvalidEventException e) {
                throw new InvalidFieldException("item", "'" + clip(code) + "' is not a "
                        + (kind == SuggestionKind.DIAGNOSIS ? "pathology" : "evidence") + " code of the knowledge");
            }
        }
        return code;
    }

    /** Enqueues the feedback event of a suggestion shown or acted on (kinds outside the protocol stay local). */
    public void feedback(Transaction tx, SuggestionKind kind, String item, FeedbackAction action, String version) {
        Optional<FeedbackKind> uploadKind = uploadKind(kind);
        if (uploadKind.isEmpty()) {
            return;
        }
        com.mediassist.sync.upload.event.FeedbackAction a = action == null
                ? com.mediassist.sync.upload.event.FeedbackAction.SHOWN
                : switch (action) {
                    case ACCEPTED -> com.mediassist.sync.upload.event.FeedbackAction.ACCEPTED;
                    case DISMISSED -> com.mediassist.sync.upload.event.FeedbackAction.DISMISSED;
                    case OVERRIDDEN -> com.mediassist.sync.upload.event.FeedbackAction.OVERRIDDEN;
                };
        try {
            enqueue(tx, QueuedEvent.of(factory().feedback(uploadKind.get(), item, Optional.empty(), a,
                    versionCode(version), clock.instant())));
        } catch (InvalidEventException e) {
            throw new InvalidFieldException(e.field(), "not allowed in the learning record: " + e.getMessage());
        }
    }

    /** The clinical endpoints whose latencies leave, by the name the protocol gives them. */
    private static final Set<String> LATENCY_ENDPOINTS = Set.of("diagnosis", "medication-check", "recommended-tests",
            "preventive-care", "summary");

    /**
     * Enqueues one non-clinical latency event per clinical endpoint called since start (median and
     * 95th percentile over the recent window, rounded to milliseconds).
     */
    public void latencies(Transaction tx, List<com.mediassist.appliance.status.EndpointLatency> snapshot) {
        String week = factory().week(clock.instant());
        for (com.mediassist.appliance.status.EndpointLatency l : snapshot) {
            String[] parts = l.endpoint().split(" ", 2);
            String name = parts.length == 2 && parts[1].startsWith("/api/v1/") ? parts[1].substring("/api/v1/".length()) : "";
            if (LATENCY_ENDPOINTS.contains(name) && l.window() > 0) {
                enqueue(tx, QueuedEvent.of(new com.mediassist.sync.upload.event.Latency(week, name,
                        Math.round(l.medianMs()), Math.round(l.p95Ms()), l.window())));
            }
        }
    }

    /** Enqueues the outcome of an interrupting alert the doctor kept the prescription despite. */
    public void alertOverridden(Transaction tx, Alert alert, String reasonCode) {
        enqueue(tx, QueuedEvent.of(factory().alertOutcome(alert.ruleId(), alert.severity().name(), AlertOutcome.OVERRIDDEN,
                Optional.ofNullable(reasonCode), clock.instant())));
    }

    /**
     * Enqueues the signed-off consultation: findings and final diagnosis validated against the
     * knowledge, the differential re-computed by the loaded engine, alerts from the stored overrides.
     *
     * @throws InvalidFieldException naming the first unknown evidence or pathology code
     */
    public void signedOff(Transaction tx, Consultation signed, Patient patient, List<String> present, List<String> denied,
            Optional<String> finalCode, JsonNode prescriptionsDoc) {
        Instant at = signed.signedOffAt().orElse(clock.instant());
        Optional<Sex> sex = Optional.ofNullable(patient.sex()).filter(Sex::knownToModel);
        Optional<LocalDate> birth = Optional.ofNullable(patient.birthDate());
        EventFactory.SignOffFacts facts = new EventFactory.SignOffFacts(birth, sex, at, present, denied, finalCode,
                differential(birth, sex, at, present, denied), alerts(prescriptionsDoc),
                Optional.ofNullable(signed.noteText()).filter(n -> !n.isBlank()), noteLanguage(signed));
        try {
            enqueue(tx, factory().signedOff(facts));
        } catch (InvalidEventException e) {
            throw new InvalidFieldException(e.field(), "unknown code: " + e.getMessage());
        }
    }

    /** The engine's answer for these findings; empty when it cannot answer (no bundle, unknown age or sex, bad codes). */
    private Optional<DiagnosisResult> differential(Optional<LocalDate> birth, Optional<Sex> sex, Instant at,
            List<String> present, List<String> denied) {
        if (birth.isEmpty() || sex.isEmpty() || diagnosis.activeBundle().isEmpty()) {
            return Optional.empty();
        }
        int age = Period.between(birth.get(), at.atZone(zone()).toLocalDate()).getYears();
        try {
            Knowledge k = diagnosis.knowledge();
            return Optional.of(diagnosis.diagnose(k.findings(age, sex.get().modelCode().orElseThrow(), present, denied), Language.ES));
        } catch (InferenceCoreException e) {
            return Optional.empty();
        }
    }

    /** The language the doctor wrote in (the summary's, stored at sign-off); Spanish when not stated. */
    private static Language noteLanguage(Consultation signed) {
        try {
            String code = signed.evidencesJson() == null ? "" : NOTE_JSON.readTree(signed.evidencesJson())
                    .path("summary").path("language").asText("");
            return Language.parse(code);
        } catch (IOException | InferenceCoreException e) {
            return Language.ES;
        }
    }

    private static List<MedicationAlert> alerts(JsonNode prescriptionsDoc) {
        List<MedicationAlert> out = new ArrayList<>();
        if (prescriptionsDoc == null) {
            return out;
        }
        for (JsonNode o : prescriptionsDoc.path("overrides")) {
            if (o.path("ruleId").isTextual() && o.path("severity").isTextual()) {
                out.add(EventFactory.alert(o.path("ruleId").asText(), o.path("severity").asText(), AlertOutcome.OVERRIDDEN,
                        o.path("reasonCode").isTextual() ? Optional.of(o.path("reasonCode").asText()) : Optional.empty()));
            }
        }
        return out;
    }

    private void enqueue(Transaction tx, QueuedEvent queued) {
        UploadEvent e = queued.event();
        tx.outbox().enqueue(e.type(), EventCodec.write(queued), config.delay());
    }

    private EventFactory factory() {
        Optional<Knowledge> k = diagnosis.activeBundle().isPresent() ? Optional.of(diagnosis.knowledge()) : Optional.empty();
        return new EventFactory(k, zone(), notes);
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    private static Optional<FeedbackKind> uploadKind(SuggestionKind kind) {
        return switch (kind) {
            case DIAGNOSIS -> Optional.of(FeedbackKind.DIAGNOSIS);
            case TEST -> Optional.of(FeedbackKind.TEST);
            case QUESTION -> Optional.of(FeedbackKind.QUESTION);
            default -> Optional.empty();
        };
    }

    /** Knowledge versions such as "mediassist-workup-knowledge 2026.11" become code-shaped. */
    private static String versionCode(String version) {
        String v = version == null ? "" : version.strip().replaceAll("[^0-9A-Za-z.+-]+", "-").replaceAll("^-+", "");
        return v.isEmpty() ? "0" : (v.length() > 40 ? v.substring(0, 40) : v);
    }

    private static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
