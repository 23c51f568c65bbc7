package com.mediassist.appliance.consult.workspace;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.mediassist.appliance.consult.service.ConsultationView;
import com.mediassist.appliance.medication.rest.MedicationCheckResponse;
import com.mediassist.appliance.prevention.rest.PreventiveCareResponse;
import com.mediassist.appliance.problem.Problem;
import com.mediassist.appliance.workup.rest.RecommendedTestsResponse;
import com.mediassist.core.diagnosis.DiagnosisResult;
import com.mediassist.core.summary.StructuredNote;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The consultation as the server computed it, in one answer: what the doctor recorded, the note's
 * findings, and every engine's answer for them. Answer of {@code GET /api/v1/consultations/{id}/workspace}
 * and of every command.
 *
 * @param consultation   the stored consultation (note, prescription, overrides, final diagnosis once signed)
 * @param language       language of the texts ({@code es} or {@code en})
 * @param computedAt     when the engines answered
 * @param patient        the facts the engines were given (age computed from the record)
 * @param evidences      the evidences the doctor recorded, with short clinical labels
 * @param note           the note's reading: the structured note and its findings with the doctor's marks
 * @param diagnosisInput the evidences the differential was computed from: recorded ones over the note's
 * @param diagnosis      the differential, must-not-miss tier, next questions and the model that produced them
 * @param tests          tests recommended for that differential
 * @param medication     the medication check of the prescription against the record
 * @param preventive     preventive care due for the patient
 * @param chosenDiagnosis the final diagnosis chosen so far, null when none
 */
public record WorkspaceView(ConsultationView consultation, String language, Instant computedAt, PatientFacts patient,
        List<RecordedEvidence> evidences, Section<NoteReading> note, DiagnosisInput diagnosisInput,
        Section<DiagnosisResult> diagnosis, Section<RecommendedTestsResponse> tests,
        Section<MedicationCheckResponse> medication, Section<PreventiveCareResponse> preventive,
        Choice chosenDiagnosis) {

    /**
     * The patient as the engines see them.
     *
     * @param age      whole years at the time of the view, from the birth date; null when unknown
     * @param sex      the record's administrative sex ({@code female}, {@code male}, {@code other}, {@code unknown})
     * @param modelSex the model's sex ({@code F} or {@code M}); null when the record's is neither
     * @param deceased whether the record says the patient died
     */
    public record PatientFacts(Integer age, String sex, String modelSex, boolean deceased) {
    }

    /**
     * One evidence the doctor recorded.
     *
     * @param code       DDXPlus evidence code
     * @param value      value code, null for yes/no evidences and absent ones
     * @param present    whether it is present
     * @param source     {@code picker} or {@code question}
     * @param label      short clinical label ("Fiebre"), or the question when there is none
     * @param valueLabel the value's label, null without a value
     * @param question   the DDXPlus question, null when unknown
     * @param parent     the parent question's code ({@code E_53} for a pain's location), null when none
     */
    public record RecordedEvidence(String code, String value, boolean present, String source, String label,
            String valueLabel, String question, String parent) {
    }

    /**
     * The note's reading.
     *
     * @param structured the structured note of the summary module
     * @param findings   its findings, each with the key the doctor's commands name and the doctor's marks
     */
    public record NoteReading(StructuredNote structured, List<NoteFinding> findings) {
    }

    /**
     * A finding read from the note.
     *
     * @param key       identifies the finding in {@code remove-finding} and {@code confirm-finding}
     * @param text      the words of the note
     * @param status    {@code present}, {@code denied}, {@code historical}, {@code family}, {@code hypothetical}
     * @param evidence  the DDXPlus evidence code, null when the finding has none
     * @param removed   the doctor removed it: it does not reach the differential
     * @param confirmed the doctor confirmed it
     */
    public record NoteFinding(String key, String text, String status, String evidence, boolean removed, boolean confirmed) {
    }

    /**
     * The evidences the differential was computed from (sign-off stores these).
     *
     * @param present  present findings in DDXPlus notation
     * @param absent   evidence codes denied
     * @param unmapped note findings without an evidence, counted against the answer's fit
     */
    public record DiagnosisInput(List<String> present, List<String> absent, List<String> unmapped, boolean fromNote) {
    }

    /** A final diagnosis: a pathology code from the differential, or a name with a null code. */
    public record Choice(String code, String name) {
    }

    /** What a section holds. */
    public enum Status {
        /** The engine answered. */
        OK,
        /** Nothing to compute yet (no findings, no note, no medicines). */
        EMPTY,
        /** The record lacks what the engine needs (age, sex); the problem says what. */
        INCOMPLETE,
        /** The module is switched off or has nothing loaded; the problem says why. */
        UNAVAILABLE,
        /** The engine failed on this input; the problem says how. */
        FAILED;

        @JsonValue
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One engine's part of the view.
     *
     * @param status  what it holds
     * @param answer  the engine's answer when {@code ok}, else null
     * @param problem why there is no answer (RFC 9457 fields; {@code type} tells module unavailable from the rest)
     * @param json    this section already written as JSON (a kept answer is written once, not for every
     *                view that shows it), null when it is written field by field; never part of the JSON
     */
    @JsonSerialize(using = SectionJson.class)
    public record Section<T>(Status status, T answer, Problem problem, @JsonIgnore SerializedString json) {

        public Section(Status status, T answer, Problem problem) {
            this(status, answer, problem, null);
        }

        static <T> Section<T> ok(T answer) {
            return new Section<>(Status.OK, answer, null);
        }

        static <T> Section<T> empty() {
            return new Section<>(Status.EMPTY, null, null);
        }

        static <T> Section<T> without(Status status, Problem problem) {
            return new Section<>(status, null, problem);
        }
    }
}
