package com.mediassist.appliance.consult.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mediassist.appliance.consult.service.ConsultationAccess;
import com.mediassist.appliance.consult.service.ConsultationClosedException;
import com.mediassist.appliance.consult.service.ConsultationService;
import com.mediassist.appliance.consult.service.Medications;
import com.mediassist.appliance.consult.service.Requests;
import com.mediassist.appliance.consult.service.SignOffFacts;
import com.mediassist.appliance.diagnosis.service.DiagnosisService;
import com.mediassist.appliance.medication.rest.MedicationCheckResponse;
import com.mediassist.appliance.medication.rest.Notices;
import com.mediassist.appliance.medication.service.MedicationCheckService;
import com.mediassist.appliance.prevention.rest.PreventiveCareResponse;
import com.mediassist.appliance.prevention.service.PreventiveCareService;
import com.mediassist.appliance.problem.Problem;
import com.mediassist.appliance.problem.ProblemTypes;
import com.mediassist.appliance.status.Module;
import com.mediassist.appliance.status.LatencyRecorder;
import com.mediassist.appliance.status.ModuleSwitch;
import com.mediassist.appliance.summary.service.SummaryService;
import com.mediassist.appliance.knowledge.ActiveKnowledge;
import com.mediassist.appliance.workup.rest.RecommendedTestsResponse;
import com.mediassist.core.InferenceCoreException;
import com.mediassist.core.diagnosis.DiagnosisException.DiagnosisUnavailableException;
import com.mediassist.core.diagnosis.DiagnosisResult;
import com.mediassist.core.knowledge.Evidence;
import com.mediassist.core.knowledge.EvidenceCode;
import com.mediassist.core.knowledge.EvidenceType;
import com.mediassist.core.fit.StatedAssessment;
import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.core.knowledge.KnowledgeException.InvalidFindingException;
import com.mediassist.core.knowledge.Language;
import com.mediassist.core.knowledge.PatientFindings;
import com.mediassist.core.medication.MedicationCheckResult;
import com.mediassist.core.prevention.PreventiveCareReport;
import com.mediassist.core.prevention.Programme;
import com.mediassist.core.summary.Finding;
import com.mediassist.core.summary.StructuredNote;
import com.mediassist.core.summary.lexicon.ClinicalLabels;
import com.mediassist.core.text.TextFold;
import com.mediassist.core.workup.DifferentialEntry;
import com.mediassist.core.workup.WorkupPlan;
import com.mediassist.store.Database;
import com.mediassist.store.consultations.Consultation;
import com.mediassist.store.consultations.ConsultationUpdate;
import com.mediassist.store.history.HistoryItem;
import com.mediassist.store.history.HistoryKind;
import com.mediassist.store.notes.SignedNote;
import com.mediassist.store.patients.Patient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The consultation owned by the server. Commands change the stored state in one transaction that
 * also reads the patient's record and writes the audit row; the engines then run on what was read:
 * the note's reading, the differential on the recorded evidences over the note's, the tests for that
 * differential, the medication check against the record, preventive care. Each engine answers its
 * own {@link WorkspaceView.Section}: one failing never hides the others.
 */
@ApplicationScoped
public class ConsultationWorkspace {

    private static final Logger LOG = Logger.getLogger(ConsultationWorkspace.class);
    private static final String VALUE_SEPARATOR = "_@_";

    private final Database database;
    private final ObjectMapper json;
    private final ConsultationService consultations;
    private final ConsultationAccess access;
    private final DiagnosisService diagnosis;
    private final SummaryService summaries;
    /** Recommended tests come from the active knowledge bundle (switched over the air). */
    private final ActiveKnowledge activeKnowledge;
    private final MedicationCheckService medication;
    private final PreventiveCareService preventive;
    /** The short clinical labels the next questions are asked with, for the recorded evidences too. */
    private final ClinicalLabels labels = ClinicalLabels.loadDefault();
    private final ModuleSwitch modules;
    private final LatencyRecorder latencies;
    private final Clock clock;
    /**
     * The engines' last answers per consultation, reused while their inputs are unchanged; an answer
     * shown again is written as JSON once ({@link SectionJson}).
     */
    private final SectionMemo memo;

    public ConsultationWorkspace(Database database, ObjectMapper json, ConsultationService consultations,
            ConsultationAccess access, DiagnosisService diagnosis, SummaryService summaries, ActiveKnowledge activeKnowledge,
            MedicationCheckService medication, PreventiveCareService preventive, ModuleSwitch modules,
            LatencyRecorder latencies, Clock clock) {
        this.database = database;
        this.json = json;
        this.consultations = consultations;
        this.access = access;
        this.diagnosis = diagnosis;
        this.summaries = summaries;
        this.activeKnowledge = activeKnowledge;
        this.medication = medication;
        this.preventive = preventive;
        this.modules = modules;
        this.latencies = latencies;
        this.clock = clock;
        // The note's reading is not shown as it is (the view adds the doctor's marks): only the engines' answers.
        this.memo = new SectionMemo((module, section) -> module != Module.SUMMARY && section.status() == WorkspaceView.Status.OK
                ? SectionJson.rendered(section, json) : section);
    }

    /** What one transaction read: the consultation, its patient and their record. */
    private record Loaded(Consultation consultation, Patient patient, Map<HistoryKind, List<HistoryItem>> history,
            List<SignedNote> notes) {
    }

    /**
     * The consultation view; the read is audited.
     *
     * @throws com.mediassist.store.RecordNotFoundException for an unknown consultation
     */
    public WorkspaceView view(long id, Language language, String user) {
        Consultation read = database.inTransaction(tx -> {
            Consultation c = tx.consultations().get(id);
            tx.audit().append(user, "consultation.read", c.patientId(), "consultation " + id);
            return c;
        });
        return compute(readRecord(read), language);
    }

    /**
     * Applies the doctor's commands in order, in one transaction with its audit row, and answers the
     * view of the result.
     *
     * @throws InvalidCommandException naming the first bad command's field
     * @throws ConsultationClosedException when the consultation was signed off
     */
    public WorkspaceView apply(long id, CommandBatch batch, Language language, String user) {
        List<Command> commands = batch == null || batch.commands() == null ? List.of() : batch.commands();
        if (commands.size() > CommandBatch.MAX) {
            throw new InvalidCommandException("commands", "at most " + CommandBatch.MAX
                    + " commands in one request, found " + commands.size());
        }
        Optional<Knowledge> knowledge = knowledge();
        for (int i = 0; i < commands.size(); i++) {
            validate("commands[" + i + "]", commands.get(i), knowledge);
        }
        // Reactions and answered questions are feedback on what was shown: recorded as such first.
        for (Command command : commands) {
            if (command instanceof Command.React r) {
                consultations.feedback(id, new Requests.Feedback(r.kind(), r.item(), r.action(), null, null), user);
            } else if (command instanceof Command.AnswerQuestion a) {
                consultations.feedback(id, new Requests.Feedback("question", a.code(), "accepted", null, null), user);
            }
        }
        Consultation changed = database.inTransaction(tx -> {
            Consultation c = tx.consultations().get(id);
            // Checked on the consultation this transaction read: one read of it per command, not two.
            access.requireMayChange(c, user);
            if (c.signedOff()) {
                throw new ConsultationClosedException(id, null, ConsultationClosedException.Refused.CHANGE);
            }
            ObjectNode evidences = consultations.evidencesDoc(c);
            WorkspaceState state = WorkspaceState.read(evidences);
            String note = null;
            ObjectNode prescriptions = null;
            for (Command command : commands) {
                if (command instanceof Command.AddEvidence a) {
                    record(state, a.code(), a.value(), a.present(), "picker", knowledge);
                } else if (command instanceof Command.AnswerQuestion a) {
                    record(state, a.code(), a.value(), a.present(), "question", knowledge);
                } else if (command instanceof Command.RemoveEvidence r) {
                    state.recorded.removeIf(x -> x.code().equals(r.code().strip())
                            && (r.value() == null || r.value().strip().equals(x.value())));
                } else if (command instanceof Command.SetNote n) {
                    note = n.text() == null ? "" : n.text();
                } else if (command instanceof Command.RemoveFinding f) {
                    state.removedFindings.add(f.key());
                    state.confirmedFindings.remove(f.key());
                } else if (command instanceof Command.ConfirmFinding f) {
                    state.confirmedFindings.add(f.key());
                    state.removedFindings.remove(f.key());
                } else if (command instanceof Command.Prescribe p) {
                    prescriptions = prescriptions == null ? consultations.prescriptionsDoc(c) : prescriptions;
                    prescriptions.set("medications", json.valueToTree(Medications.valid(p.medications())));
                } else if (command instanceof Command.ChooseDiagnosis d) {
                    state.chosen = blank(d.code()) && blank(d.name()) ? null
                            : new WorkspaceView.Choice(blank(d.code()) ? null : d.code().strip(),
                                    blank(d.name()) ? null : d.name().strip());
                }
            }
            state.writeTo(evidences);
            Consultation next = commands.isEmpty() ? c : tx.consultations().update(id, new ConsultationUpdate(note,
                    consultations.write(evidences), prescriptions == null ? null : consultations.write(prescriptions), null));
            tx.audit().append(user, commands.isEmpty() ? "consultation.read" : "consultation.command", c.patientId(),
                    "consultation " + id + (commands.isEmpty() ? "" : ": " + commands.size() + " commands"));
            return next;
        });
        return compute(readRecord(changed), language);
    }

    /**
     * The patient's record for the view, read after the transaction that changed (or read) the
     * consultation and wrote its audit row: reads need no write lock, so the write transaction stays
     * short while other doctors' commands wait for it.
     */
    private Loaded readRecord(Consultation c) {
        return new Loaded(c, database.patients().get(c.patientId()), database.history().all(c.patientId()),
                database.notes().list(c.patientId()));
    }

    /**
     * Signs off with what the server computed: the differential's evidences, the model that produced
     * it and the structured note are the server's, never the client's.
     */
    public com.mediassist.appliance.consult.service.ConsultationView signOff(long id, Requests.SignOff request, String user) {
        access.requireMayChange(id, user);
        Language language = request == null ? Language.ES : parse(request.language());
        WorkspaceView view = view(id, language, user);
        WorkspaceView.Choice chosen = view.chosenDiagnosis();
        Requests.FinalDiagnosis fd = request == null ? null : request.finalDiagnosis();
        if (fd == null && chosen != null) {
            fd = new Requests.FinalDiagnosis(chosen.code(), chosen.name());
        }
        JsonNode model = view.diagnosis().answer() == null || view.diagnosis().answer().model() == null ? null
                : json.createObjectNode().put("bundle", view.diagnosis().answer().model().bundle())
                        .put("version", view.diagnosis().answer().model().version());
        JsonNode structured = view.note().answer() == null ? null : json.valueToTree(view.note().answer().structured());
        SignOffFacts facts = new SignOffFacts(view.diagnosisInput().present(), view.diagnosisInput().absent(), model,
                structured);
        com.mediassist.appliance.consult.service.ConsultationView signed = consultations.signOff(id, request == null ? null
                : new Requests.SignOff(request.summaryText(), fd, request.language()), facts, user);
        memo.forget(id);
        return signed;
    }

    // ------------------------------------------------------------------ commands

    private void validate(String at, Command command, Optional<Knowledge> knowledge) {
        if (command == null) {
            throw new InvalidCommandException(at, "is null");
        } else if (command instanceof Command.AddEvidence a) {
            validEvidence(at, a.code(), a.value(), a.present(), knowledge);
        } else if (command instanceof Command.AnswerQuestion a) {
            validEvidence(at, a.code(), a.value(), a.present(), knowledge);
        } else if (command instanceof Command.RemoveEvidence r) {
            requireText(at + ".code", r.code());
        } else if (command instanceof Command.SetNote n) {
            if (n.text() != null && n.text().length() > summaries.maxChars()) {
                throw new InvalidCommandException(at + ".text", "at most " + summaries.maxChars()
                        + " characters, found " + n.text().length());
            }
        } else if (command instanceof Command.RemoveFinding f) {
            requireText(at + ".key", f.key());
        } else if (command instanceof Command.ConfirmFinding f) {
            requireText(at + ".key", f.key());
        } else if (command instanceof Command.Prescribe p) {
            if (p.medications() == null) {
                throw new InvalidCommandException(at + ".medications", "is required (an empty list clears it)");
            }
        } else if (command instanceof Command.React r) {
            String action = r.action() == null ? "" : r.action().strip().toLowerCase(Locale.ROOT);
            if (!action.equals("accepted") && !action.equals("dismissed")) {
                throw new InvalidCommandException(at + ".action",
                        "must be accepted or dismissed, found \"" + r.action() + "\"");
            }
        } else if (command instanceof Command.ChooseDiagnosis d) {
            if (!blank(d.code()) && knowledge.isPresent() && knowledge.get().pathologies().stream()
                    .noneMatch(p -> p.code().value().equals(d.code().strip()))) {
                throw new InvalidCommandException(at + ".code", "unknown pathology code " + d.code());
            }
        }
    }

    private static void validEvidence(String at, String code, String value, boolean present, Optional<Knowledge> knowledge) {
        requireText(at + ".code", code);
        if (!EvidenceCode.isWellFormed(code.strip())) {
            throw new InvalidCommandException(at + ".code", "'" + code + "' is not an evidence code (E_<number>)");
        }
        if (knowledge.isEmpty()) {
            return;
        }
        try {
            if (present) {
                knowledge.get().parseFinding(at, value == null ? code.strip() : code.strip() + VALUE_SEPARATOR + value.strip());
            } else if (knowledge.get().evidence(new EvidenceCode(code.strip())).isEmpty()) {
                throw new InvalidFindingException(at, "unknown evidence code " + code);
            }
        } catch (InvalidFindingException e) {
            throw new InvalidCommandException(at + ".code", e.reason());
        }
    }

    /**
     * Records one evidence: a new answer replaces earlier ones of the same code (a multi-choice one
     * keeps its other present values); a present detail also records its parent question present.
     */
    private static void record(WorkspaceState state, String rawCode, String rawValue, boolean present, String source,
            Optional<Knowledge> knowledge) {
        String code = rawCode.strip();
        String value = present && rawValue != null && !rawValue.isBlank() ? rawValue.strip() : null;
        Optional<Evidence> evidence = knowledge.flatMap(k -> k.evidence(new EvidenceCode(code)));
        boolean multi = evidence.map(e -> e.type() == EvidenceType.MULTI).orElse(false);
        state.recorded.removeIf(x -> x.code().equals(code)
                && !(multi && present && x.present() && x.value() != null && !x.value().equals(value)));
        state.recorded.add(new WorkspaceState.Recorded(code, value, present, source));
        Optional<String> parent = evidence.flatMap(Evidence::parentCode).map(EvidenceCode::value);
        if (present && parent.isPresent()
                && state.recorded.stream().noneMatch(x -> x.code().equals(parent.get()) && x.present())) {
            state.recorded.removeIf(x -> x.code().equals(parent.get()));
            state.recorded.add(new WorkspaceState.Recorded(parent.get(), null, true, source));
        }
    }

    // ------------------------------------------------------------------ the view

    private WorkspaceView compute(Loaded loaded, Language language) {
        Consultation c = loaded.consultation();
        Patient p = loaded.patient();
        WorkspaceState state = WorkspaceState.read(consultations.evidencesDoc(c));
        Optional<Knowledge> knowledge = knowledge();
        WorkspaceView.PatientFacts facts = facts(p);

        WorkspaceView.Section<StructuredNote> reading = readNote(c.id(), c.noteText());
        WorkspaceView.Section<WorkspaceView.NoteReading> note = reading.status() == WorkspaceView.Status.OK
                ? WorkspaceView.Section.ok(new WorkspaceView.NoteReading(reading.answer(), findings(reading.answer(), state)))
                : WorkspaceView.Section.without(reading.status(), reading.problem());
        WorkspaceView.DiagnosisInput input = diagnosisInput(state, reading.answer());
        WorkspaceView.Section<DiagnosisResult> ddx = diagnose(c.id(), input, facts, knowledge, language, c.noteText(),
                reading.answer());
        List<String> rx = new ArrayList<>();
        consultations.prescriptionsDoc(c).withArray("medications").forEach(n -> rx.add(n.asText()));
        return new WorkspaceView(consultations.view(c), language.code(), clock.instant(), facts,
                recorded(state, knowledge, language), note, input, ddx, tests(c.id(), ddx, language),
                medicationCheck(c.id(), rx, loaded.history(), language), preventiveCare(loaded, language), state.chosen);
    }

    private WorkspaceView.PatientFacts facts(Patient p) {
        Integer age = p.birthDate() == null ? null
                : Period.between(p.birthDate(), LocalDate.now(clock)).getYears();
        return new WorkspaceView.PatientFacts(age, p.sex() == null ? null : p.sex().code(),
                p.sex() == null ? null : p.sex().modelCode().orElse(null), p.deceased());
    }

    private List<WorkspaceView.RecordedEvidence> recorded(WorkspaceState state, Optional<Knowledge> knowledge, Language language) {
        List<WorkspaceView.RecordedEvidence> out = new ArrayList<>();
        for (WorkspaceState.Recorded r : state.recorded) {
            Optional<Evidence> e = knowledge.flatMap(k -> k.evidence(new EvidenceCode(r.code())));
            String question = e.map(x -> x.question().in(language)).orElse(null);
            String label = labels.label(new EvidenceCode(r.code()), language).orElse(question == null ? r.code() : question);
            String valueLabel = r.value() == null ? null
                    : e.flatMap(x -> x.value(r.value())).map(v -> v.label().in(language)).orElse(r.value());
            out.add(new WorkspaceView.RecordedEvidence(r.code(), r.value(), r.present(), r.source(), label, valueLabel,
                    question, e.flatMap(Evidence::parentCode).map(EvidenceCode::value).orElse(null)));
        }
        return out;
    }

    private WorkspaceView.Section<StructuredNote> readNote(long consultationId, String text) {
        if (text == null || text.isBlank()) {
            return WorkspaceView.Section.empty();
        }
        if (modules.isDisabled(Module.SUMMARY)) {
            return switchedOff(Module.SUMMARY);
        }
        // The note reader's knowledge is read once at start-up: the text is its only input.
        return memo.answer(consultationId, Module.SUMMARY, text,
                () -> guarded(Module.SUMMARY, () -> WorkspaceView.Section.ok(summaries.extract(text, null))));
    }

    /** The key a command names a note finding by: its words, status and evidence. */
    static String findingKey(Finding f) {
        return TextFold.fold(f.text()) + "|" + status(f) + "|" + (f.evidence() == null ? "" : f.evidence().toString());
    }

    private static String status(Finding f) {
        return f.status().name().toLowerCase(Locale.ROOT);
    }

    private static List<WorkspaceView.NoteFinding> findings(StructuredNote note, WorkspaceState state) {
        List<WorkspaceView.NoteFinding> out = new ArrayList<>();
        for (Finding f : note.findings()) {
            String key = findingKey(f);
            out.add(new WorkspaceView.NoteFinding(key, f.text(), status(f), f.evidence() == null ? null : f.evidence().toString(),
                    state.removedFindings.contains(key), state.confirmedFindings.contains(key)));
        }
        return out;
    }

    /**
     * The evidences for the differential: the note's (those of findings the doctor removed left out),
     * then the recorded ones, which win over the note's for the same evidence.
     */
    static WorkspaceView.DiagnosisInput diagnosisInput(WorkspaceState state, StructuredNote note) {
        Map<String, Set<String>> present = new LinkedHashMap<>();
        Set<String> absent = new LinkedHashSet<>();
        List<String> unmapped = new ArrayList<>();
        if (note != null) {
            Set<String> removed = new LinkedHashSet<>();
            for (Finding f : note.findings()) {
                if (state.removedFindings.contains(findingKey(f))) {
                    if (f.evidence() != null) {
                        removed.add(f.evidence().evidence().value());
                    }
                    f.values().forEach(v -> removed.add(v.evidence().value()));
                }
            }
            for (com.mediassist.core.knowledge.Finding e : note.evidences()) {
                String code = e.evidence().value();
                if (!removed.contains(code)) {
                    present.computeIfAbsent(code, k -> new LinkedHashSet<>()).add(e.toString());
                }
            }
            for (EvidenceCode e : note.absent()) {
                String code = e.value();
                if (!removed.contains(code) && !present.containsKey(code)) {
                    absent.add(code);
                }
            }
            unmapped.addAll(note.unmappedFindings() == null ? List.of() : note.unmappedFindings());
        }
        Set<String> recordedCodes = new LinkedHashSet<>();
        state.recorded.forEach(r -> recordedCodes.add(r.code()));
        recordedCodes.forEach(code -> {
            present.remove(code);
            absent.remove(code);
        });
        for (WorkspaceState.Recorded r : state.recorded) {
            if (r.present()) {
                present.computeIfAbsent(r.code(), k -> new LinkedHashSet<>())
                        .add(r.value() == null ? r.code() : r.code() + VALUE_SEPARATOR + r.value());
            } else if (!present.containsKey(r.code())) {
                absent.add(r.code());
            }
        }
        List<String> presentList = new ArrayList<>();
        present.values().forEach(presentList::addAll);
        boolean fromNote = note != null && note.evidences().stream().map(e -> e.evidence().value())
                .anyMatch(present::containsKey);
        return new WorkspaceView.DiagnosisInput(List.copyOf(presentList), List.copyOf(absent),
                unmapped.stream().limit(com.mediassist.appliance.diagnosis.rest.DiagnosisRequest.MAX_UNMAPPED).toList(),
                fromNote);
    }

    /** @param note the note's reading, {@code null} when it could not be read (its stated assessment then counts as none) */
    private WorkspaceView.Section<DiagnosisResult> diagnose(long consultationId, WorkspaceView.DiagnosisInput input,
            WorkspaceView.PatientFacts facts, Optional<Knowledge> knowledge, Language language, String noteText,
            StructuredNote note) {
        if (input.present().isEmpty()) {
            return WorkspaceView.Section.empty();
        }
        if (modules.isDisabled(Module.DIAGNOSIS)) {
            return switchedOff(Module.DIAGNOSIS);
        }
        if (knowledge.isEmpty()) {
            return WorkspaceView.Section.without(WorkspaceView.Status.UNAVAILABLE, problem(ProblemTypes.MODULE_UNAVAILABLE,
                    "Diagnosis unavailable", 503, diagnosis.unavailableReason().orElse("no diagnosis bundle is loaded")));
        }
        if (facts.age() == null || facts.modelSex() == null) {
            return WorkspaceView.Section.without(WorkspaceView.Status.INCOMPLETE, problem(ProblemTypes.INCOMPLETE_RECORD,
                    "Record incomplete", 422, facts.age() == null
                            ? "the patient's birth date is not recorded; the differential needs the age"
                            : "the patient's sex is recorded as " + facts.sex() + "; the model knows female and male only"));
        }
        // Everything the differential reads: the engine (its bundle, switched over the air), the findings
        // (age and sex among them), the note's unmapped findings, the note flag and the language.
        // The assessment the note states (it weighs in the fit verdict) is read before the key, so that a changed
        // impression line is a changed input while typing elsewhere in the note is not.
        StatedAssessment stated = input.fromNote() && note != null && noteText != null
                ? diagnosis.statedAssessment(noteText, note) : StatedAssessment.none();
        DiagnosisKey key = new DiagnosisKey(diagnosis.activeBundle().orElse(null), Math.min(facts.age(), Knowledge.MAX_AGE),
                facts.modelSex(), input, stated, language);
        return memo.answer(consultationId, Module.DIAGNOSIS, key, () -> guarded(Module.DIAGNOSIS, () -> {
            PatientFindings findings;
            try {
                findings = knowledge.get().findings(Math.min(facts.age(), Knowledge.MAX_AGE), facts.modelSex(),
                        input.present(), input.absent());
            } catch (InvalidFindingException e) {
                return WorkspaceView.Section.without(WorkspaceView.Status.FAILED, problem(ProblemTypes.ENGINE_FAILED,
                        "Findings refused", 422, e.item() + ": " + e.reason()));
            }
            return WorkspaceView.Section.ok(input.fromNote()
                    ? diagnosis.diagnoseNote(findings, input.unmapped(), stated, language)
                    : diagnosis.diagnose(findings, input.unmapped(), language));
        }), result -> !result.fallback());
    }

    /**
     * The differential's inputs. The bundle's manifest is compared by identity: each (re)load or
     * over-the-air switch opens a new engine with its own manifest, so no answer of the previous
     * engine is reused, even for a bundle of the same version.
     */
    record DiagnosisKey(com.mediassist.core.bundle.BundleManifest bundle, int age, String modelSex,
            WorkspaceView.DiagnosisInput input, StatedAssessment stated, Language language) {

        @Override
        public boolean equals(Object o) {
            return o instanceof DiagnosisKey k && k.bundle == bundle && k.age == age
                    && java.util.Objects.equals(k.modelSex, modelSex) && k.input.equals(input)
                    && k.stated.equals(stated) && k.language == language;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(System.identityHashCode(bundle), age, modelSex, input, stated, language);
        }
    }

    private WorkspaceView.Section<RecommendedTestsResponse> tests(long consultationId, WorkspaceView.Section<DiagnosisResult> ddx,
            Language language) {
        if (ddx.status() != WorkspaceView.Status.OK) {
            return ddx.status() == WorkspaceView.Status.EMPTY ? WorkspaceView.Section.empty()
                    : WorkspaceView.Section.without(ddx.status(), ddx.problem());
        }
        if (ddx.answer().differential().isEmpty()) {
            return WorkspaceView.Section.empty();
        }
        if (modules.isDisabled(Module.RECOMMENDED_TESTS)) {
            return switchedOff(Module.RECOMMENDED_TESTS);
        }
        List<DifferentialEntry> entries = ddx.answer().differential().stream()
                .map(d -> new DifferentialEntry(d.code(), d.probability())).toList();
        return memo.answer(consultationId, Module.RECOMMENDED_TESTS, List.of(entries, language, activeKnowledge.current()),
                () -> guarded(Module.RECOMMENDED_TESTS, () -> {
                    WorkupPlan plan = activeKnowledge.use(k -> k.workup().recommend(entries, language));
                    return WorkspaceView.Section.ok(new RecommendedTestsResponse(plan.tests(), plan.unknownPathologies(),
                            plan.knowledgeVersion(), language.code(), Notices.advisory(language)));
                }));
    }

    private WorkspaceView.Section<MedicationCheckResponse> medicationCheck(long consultationId, List<String> rx,
            Map<HistoryKind, List<HistoryItem>> history, Language language) {
        if (rx.isEmpty()) {
            return WorkspaceView.Section.empty();
        }
        if (modules.isDisabled(Module.MEDICATION)) {
            return switchedOff(Module.MEDICATION);
        }
        List<Object> inputs = List.of(rx, history, language, activeKnowledge.current());
        return memo.answer(consultationId, Module.MEDICATION, inputs, () -> guarded(Module.MEDICATION, () -> {
            MedicationCheckService.Outcome outcome = medication.check(rx, history, language);
            MedicationCheckResult r = outcome.result();
            return WorkspaceView.Section.ok(new MedicationCheckResponse(r.medications(), r.unknown(), r.alerts(),
                    r.interrupts(), outcome.storedMedications(), r.unrecognisedAllergies(), r.unrecognisedConditions(),
                    r.knowledgeVersion(), language.code(), Notices.advisory(language)));
        }));
    }

    private WorkspaceView.Section<PreventiveCareResponse> preventiveCare(Loaded loaded, Language language) {
        if (modules.isDisabled(Module.PREVENTIVE_CARE)) {
            return switchedOff(Module.PREVENTIVE_CARE);
        }
        Patient p = loaded.patient();
        if (p.birthDate() == null) {
            return WorkspaceView.Section.without(WorkspaceView.Status.INCOMPLETE, problem(ProblemTypes.INCOMPLETE_RECORD,
                    "Record incomplete", 422, "the patient's birth date is not recorded; preventive care needs it"));
        }
        List<Object> inputs = List.of(p, loaded.history(), loaded.notes(), language, LocalDate.now(clock),
                activeKnowledge.current());
        return memo.answer(loaded.consultation().id(), Module.PREVENTIVE_CARE, inputs, () -> guarded(Module.PREVENTIVE_CARE, () -> {
            Programme programme = Programme.parse(null);
            PreventiveCareReport r = preventive.evaluate(p, loaded.history(), loaded.notes(), programme, language);
            return WorkspaceView.Section.ok(new PreventiveCareResponse(p.id(), r.asOf(), r.ageYears(), programme.code(),
                    r.items(), r.knowledgeVersion(), language.code(), Notices.advisory(language), r.deceased()));
        }));
    }

    /** Runs one engine; its failure becomes its section's problem, never the whole view's. */
    private <T> WorkspaceView.Section<T> guarded(Module module, Supplier<WorkspaceView.Section<T>> work) {
        long start = System.nanoTime();
        WorkspaceView.Section<T> section = section(module, work);
        int status = switch (section.status()) {
            case OK, EMPTY, INCOMPLETE -> 200;
            case UNAVAILABLE -> 503;
            case FAILED -> section.problem() == null ? 500 : section.problem().status();
        };
        latencies.recordEngine(module, status, System.nanoTime() - start);
        return section;
    }

    private <T> WorkspaceView.Section<T> section(Module module, Supplier<WorkspaceView.Section<T>> work) {
        try {
            return work.get();
        } catch (DiagnosisUnavailableException e) {
            return WorkspaceView.Section.without(WorkspaceView.Status.UNAVAILABLE,
                    problem(ProblemTypes.MODULE_UNAVAILABLE, "Diagnosis unavailable", 503, e.getMessage()));
        } catch (InferenceCoreException e) {
            return WorkspaceView.Section.without(WorkspaceView.Status.FAILED,
                    problem(ProblemTypes.ENGINE_FAILED, "The " + module.id() + " module could not answer", 422, e.getMessage()));
        } catch (RuntimeException e) {
            LOG.errorf(e, "The %s module failed in a consultation view", module.id());
            return WorkspaceView.Section.without(WorkspaceView.Status.FAILED, problem(ProblemTypes.ENGINE_FAILED,
                    "The " + module.id() + " module failed", 500, "the error was logged"));
        }
    }

    private static <T> WorkspaceView.Section<T> switchedOff(Module module) {
        return WorkspaceView.Section.without(WorkspaceView.Status.UNAVAILABLE, problem(ProblemTypes.MODULE_UNAVAILABLE,
                "Module unavailable", 503, "The " + module.id() + " module is out of service on this appliance "
                        + "(mediassist.modules.disabled); the other modules keep working"));
    }

    private static Problem problem(String type, String title, int status, String detail) {
        return new Problem(type, title, status, detail, null, List.of());
    }

    private Optional<Knowledge> knowledge() {
        try {
            return Optional.of(diagnosis.knowledge());
        } catch (DiagnosisUnavailableException e) {
            return Optional.empty();
        }
    }

    /**
     * @throws InvalidCommandException naming {@code language} for anything but es/en
     */
    public static Language parse(String language) {
        try {
            return Language.parse(language);
        } catch (InferenceCoreException e) {
            throw new InvalidCommandException("language", "expected \"es\" or \"en\", found \"" + language + "\"");
        }
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidCommandException(field, "is required");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
