package com.mediassist.appliance.consult.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mediassist.appliance.medication.service.MedicationCheckService;
import com.mediassist.appliance.failure.InvalidFieldException;
import com.mediassist.core.knowledge.Language;
import com.mediassist.appliance.sync.UploadEvents;
import com.mediassist.core.medication.Alert;
import com.mediassist.core.medication.MedicationCheckResult;
import com.mediassist.core.text.TextFold;
import com.mediassist.store.Database;
import com.mediassist.store.consultations.Consultation;
import com.mediassist.store.consultations.ConsultationUpdate;
import com.mediassist.store.feedback.FeedbackAction;
import com.mediassist.store.feedback.SuggestionKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Saving a consultation's prescription. The medication-safety check runs again here, against the
 * patient's stored history: every interrupting alert (contraindicated or major) must come with the
 * doctor's reason (a coded {@link OverrideReason} and/or free text), or nothing is saved and the answer
 * is 422 carrying each alert ({@link OverrideRequiredException}). Overrides are kept
 * with the prescription and recorded as feedback ("overridden", with the reason).
 */
@ApplicationScoped
public class PrescriptionService {

    /** The source named on alert suggestions; the UI reports the alerts it shows under the same name. */
    static final String KNOWLEDGE = "medication-knowledge";

    /** Shortest override reason accepted, in characters. */
    static final int MIN_REASON = 3;

    private final Database database;
    private final MedicationCheckService checks;
    private final ConsultationService consultations;
    private final ConsultConfig config;
    private final ConsultationAccess access;
    private final UploadEvents uploads;

    public PrescriptionService(Database database, MedicationCheckService checks, ConsultationService consultations,
            ConsultConfig config, ConsultationAccess access, UploadEvents uploads) {
        this.database = database;
        this.checks = checks;
        this.consultations = consultations;
        this.config = config;
        this.access = access;
        this.uploads = uploads;
    }

    /** What was saved and the check it passed. */
    public record Saved(ConsultationView consultation, MedicationCheckResult check) {
    }

    /**
     * Checks and saves the prescription.
     *
     * @throws OverrideRequiredException listing each interrupting alert without an override reason
     * @throws InvalidFieldException for bad medicines or overrides
     * @throws com.mediassist.store.RecordNotFoundException for an unknown consultation
     * @throws ConsultationClosedException when it was signed off
     */
    public Saved save(long id, Requests.Prescriptions request, String user) {
        access.requireMayChange(id, user);
        if (request == null || request.medications() == null) {
            throw new InvalidFieldException("medications", "is required (an empty list clears the prescription)");
        }
        List<String> meds = Medications.valid(request.medications());
        List<Requests.Override> overrides = request.overrides() == null ? List.of() : request.overrides();
        for (int i = 0; i < overrides.size(); i++) {
            Requests.Override o = overrides.get(i);
            if (o == null || o.kind() == null || o.drugs() == null || o.drugs().isEmpty()) {
                throw new InvalidFieldException("overrides[" + i + "]", "needs the alert's kind and drugs");
            }
            if (o.reasonCode() != null && OverrideReason.byCode(o.reasonCode()).isEmpty()) {
                throw new InvalidFieldException("overrides[" + i + "].reasonCode", "is \"" + o.reasonCode()
                        + "\"; expected one of " + String.join(", ", OverrideReason.codes()));
            }
        }
        Language language;
        try {
            language = Language.parse(request.language());
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("language", e.getMessage());
        }
        Consultation c = StoreProblems.translate(() -> database.consultations().get(id));
        if (c.signedOff()) {
            throw new ConsultationClosedException(id, null, ConsultationClosedException.Refused.CHANGE);
        }
        MedicationCheckResult result = checks.check(meds, c.patientId(), List.of(), List.of(), null, language).result();

        List<String> missing = new ArrayList<>();
        List<Alert> unexplained = new ArrayList<>();
        List<Accepted> accepted = new ArrayList<>();
        for (Alert alert : result.alerts()) {
            if (!alert.interrupt()) {
                continue;
            }
            Optional<Accepted> reason = overrides.stream().filter(o -> matches(o, alert))
                    .map(o -> accepted(alert, o)).flatMap(Optional::stream).findFirst();
            if (reason.isEmpty()) {
                unexplained.add(alert);
                missing.add("the " + alert.severity() + " " + kindCode(alert)
                        + " alert for " + String.join(" + ", alert.drugs()) + " needs an override reason ("
                        + alert.message() + ")");
            } else {
                accepted.add(reason.get());
            }
        }
        if (!missing.isEmpty()) {
            throw new OverrideRequiredException(unexplained, missing);
        }

        ConsultationView saved = StoreProblems.translate(() -> database.inTransaction(tx -> {
            Consultation current = tx.consultations().get(id);
            ObjectNode doc = consultations.prescriptionsDoc(current);
            ArrayNode medsNode = doc.putArray("medications");
            meds.forEach(medsNode::add);
            ArrayNode kept = doc.putArray("overrides");
            for (Accepted a : accepted) {
                ObjectNode o = kept.addObject();
                o.put("kind", kindCode(a.alert()));
                ArrayNode drugs = o.putArray("drugs");
                a.alert().drugs().forEach(drugs::add);
                o.put("severity", String.valueOf(a.alert().severity()).toLowerCase(java.util.Locale.ROOT));
                o.put("ruleId", a.alert().ruleId());
                o.put("source", a.alert().source());
                if (a.code() != null) {
                    o.put("reasonCode", a.code().code());
                }
                if (!a.reason().isEmpty()) {
                    o.put("reason", a.reason());
                }
            }
            Consultation next = tx.consultations().update(id, new ConsultationUpdate(null, null, consultations.write(doc), null));
            for (Accepted a : accepted) {
                consultations.record(tx, next, SuggestionKind.ALERT, alertKey(a.alert()), FeedbackAction.OVERRIDDEN,
                        a.feedbackReason(), KNOWLEDGE, knowledgeVersion(result), user);
                uploads.alertOverridden(tx, a.alert(), a.code() == null ? null : a.code().code());
            }
            tx.audit().append(user, "consultation.prescriptions", next.patientId(),
                    "consultation " + id + ": " + meds.size() + " medicines, " + accepted.size() + " alerts overridden");
            return consultations.view(next);
        }));
        return new Saved(saved, result);
    }

    private String knowledgeVersion(MedicationCheckResult result) {
        String v = result.knowledgeVersion();
        return v == null || v.isBlank() ? config.knowledgeVersion() : v;
    }

    /** An interrupting alert with the doctor's reason: a code, free text (may be empty with a code), or both. */
    private record Accepted(Alert alert, OverrideReason code, String reason) {

        /** The reason as the feedback row keeps it: the code first, so the fleet can count by code. */
        String feedbackReason() {
            return code == null ? reason : reason.isEmpty() ? code.code() : code.code() + ": " + reason;
        }
    }

    /** The override's reason when it is enough: free text of {@value #MIN_REASON}+ characters or a code (not "other" alone). */
    private static Optional<Accepted> accepted(Alert alert, Requests.Override o) {
        OverrideReason code = OverrideReason.byCode(o.reasonCode()).orElse(null);
        String text = o.reason() == null ? "" : o.reason().strip();
        boolean textEnough = text.length() >= MIN_REASON;
        if (textEnough || (code != null && code != OverrideReason.OTHER)) {
            return Optional.of(new Accepted(alert, code, text));
        }
        return Optional.empty();
    }

    /** The alert's identity as the UI reports it in feedback: kind and the folded, sorted drugs. */
    static String alertKey(Alert alert) {
        return kindCode(alert) + ":" + String.join("+", foldedDrugs(alert.drugs()));
    }

    static boolean matches(Requests.Override o, Alert alert) {
        return TextFold.fold(o.kind().strip()).equals(kindCode(alert)) && foldedDrugs(o.drugs()).equals(foldedDrugs(alert.drugs()));
    }

    private static TreeSet<String> foldedDrugs(List<String> drugs) {
        TreeSet<String> out = new TreeSet<>();
        drugs.forEach(d -> out.add(TextFold.fold(d.strip())));
        return out;
    }

    private static String kindCode(Alert alert) {
        return alert.kind().label();
    }
}
