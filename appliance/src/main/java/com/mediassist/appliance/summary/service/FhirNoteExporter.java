package com.mediassist.appliance.summary.service;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.mediassist.core.knowledge.Language;
import com.mediassist.core.summary.Allergy;
import com.mediassist.core.summary.Finding;
import com.mediassist.core.summary.FindingStatus;
import com.mediassist.core.summary.NoteMedication;
import com.mediassist.core.summary.NoteSection;
import com.mediassist.core.summary.SectionKind;
import com.mediassist.core.summary.StructuredNote;
import com.mediassist.core.summary.SummaryExtractor;
import com.mediassist.core.summary.Vital;
import com.mediassist.core.summary.VitalFlag;
import com.mediassist.core.summary.VitalKind;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Timing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a signed-off structured note as a FHIR R4 {@code document} Bundle: a {@link Composition}
 * (LOINC 11488-4 consult note) with one section per note section, and the resources its sections
 * point to. The {@link FhirContext} is built once (it is expensive) and shared; the exporter is
 * stateless and thread-safe.
 */
@ApplicationScoped
public class FhirNoteExporter {

    static final String LOINC = "http://loinc.org";
    static final String UCUM = "http://unitsofmeasure.org";
    /** Where DDXPlus evidence codes come from (Mila's dataset release). */
    static final String DDXPLUS = "https://github.com/mila-iqia/ddxplus";
    private static final String OBS_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    private static final String CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    private static final String CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    private static final String CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";
    private static final String INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

    private static final Map<SectionKind, String[]> SECTION_LOINC = new EnumMap<>(Map.of(
            SectionKind.REASON_FOR_VISIT, new String[] {"29299-5", "Reason for visit Narrative"},
            SectionKind.HISTORY_OF_PRESENT_ILLNESS, new String[] {"10164-2", "History of Present illness Narrative"},
            SectionKind.PAST_HISTORY, new String[] {"11348-0", "History of Past illness Narrative"},
            SectionKind.FAMILY_HISTORY, new String[] {"10157-6", "History of family member diseases Narrative"},
            SectionKind.MEDICATIONS, new String[] {"10160-0", "History of Medication use Narrative"},
            SectionKind.ALLERGIES, new String[] {"48765-2", "Allergies and adverse reactions Document"},
            SectionKind.EXAMINATION, new String[] {"29545-1", "Physical findings Narrative"},
            SectionKind.ASSESSMENT, new String[] {"51848-0", "Evaluation note"},
            SectionKind.PLAN, new String[] {"18776-5", "Plan of care note"}));

    /** LOINC code, display, UCUM unit of each vital sign. */
    private static final Map<VitalKind, String[]> VITAL_LOINC = new EnumMap<>(Map.of(
            VitalKind.HEART_RATE, new String[] {"8867-4", "Heart rate", "/min"},
            VitalKind.TEMPERATURE, new String[] {"8310-5", "Body temperature", "Cel"},
            VitalKind.SPO2, new String[] {"59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry", "%"},
            VitalKind.RESPIRATORY_RATE, new String[] {"9279-1", "Respiratory rate", "/min"},
            VitalKind.WEIGHT, new String[] {"29463-7", "Body weight", "kg"},
            VitalKind.HEIGHT, new String[] {"8302-2", "Body height", "cm"},
            VitalKind.BMI, new String[] {"39156-5", "Body mass index (BMI) [Ratio]", "kg/m2"},
            VitalKind.SYSTOLIC, new String[] {"8480-6", "Systolic blood pressure", "mm[Hg]"},
            VitalKind.DIASTOLIC, new String[] {"8462-4", "Diastolic blood pressure", "mm[Hg]"}));

    /** One R4 context per JVM: building it scans every model class (about a second), and it is thread-safe. */
    private static final class Context {
        static final FhirContext R4 = FhirContext.forR4();
    }

    /** A note signed off by its author. */
    public record SignedNote(StructuredNote note, String patient, String author, Instant signedAt) {
    }

    /** The Bundle as FHIR JSON. */
    public String toJson(SignedNote signed) {
        IParser parser = Context.R4.newJsonParser();
        return parser.encodeResourceToString(toBundle(signed));
    }

    /** Parses FHIR JSON (for tests and round trips). */
    public Bundle parse(String json) {
        return Context.R4.newJsonParser().parseResource(Bundle.class, json);
    }

    /** Builds the document Bundle; the Composition is its first entry. */
    public Bundle toBundle(SignedNote signed) {
        StructuredNote note = signed.note();
        boolean es = note.language() == Language.ES;
        Reference patient = new Reference(signed.patient());
        Reference author = new Reference().setDisplay(signed.author());
        Date when = Date.from(signed.signedAt());

        Composition composition = new Composition();
        composition.setId(uuid());
        composition.setStatus(Composition.CompositionStatus.FINAL);
        composition.setType(new CodeableConcept(new Coding(LOINC, "11488-4", "Consult note")));
        composition.setSubject(patient);
        composition.setDate(when);
        composition.addAuthor(author);
        composition.setTitle(es ? "Nota de consulta" : "Consultation note");
        composition.setLanguage(note.language().code());

        List<Resource> resources = new ArrayList<>();
        Map<SectionKind, Composition.SectionComponent> sections = new EnumMap<>(SectionKind.class);
        Map<SectionKind, StringBuilder> texts = new EnumMap<>(SectionKind.class);
        for (NoteSection s : note.sections()) {
            section(composition, sections, s.kind(), note);
            StringBuilder sb = texts.computeIfAbsent(s.kind(), k -> new StringBuilder());
            sb.append(sb.length() == 0 ? "" : "\n").append(s.text());
        }

        for (Finding f : note.findings()) {
            Resource r = findingResource(f, patient, when);
            if (r != null) {
                resources.add(r);
                section(composition, sections, f.section(), note).addEntry(ref(r));
            }
        }
        List<Vital> vitals = note.vitals();
        for (int i = 0; i < vitals.size(); i++) {
            Vital v = vitals.get(i);
            Observation o;
            if (v.kind() == VitalKind.SYSTOLIC && i + 1 < vitals.size() && vitals.get(i + 1).kind() == VitalKind.DIASTOLIC
                    && vitals.get(i + 1).span().equals(v.span())) {
                o = bloodPressure(v, vitals.get(i + 1), patient, when);
                i++;
            } else {
                o = vital(v, patient, when);
            }
            resources.add(o);
            section(composition, sections, SectionKind.EXAMINATION, note).addEntry(ref(o));
        }
        for (NoteMedication m : note.medications()) {
            MedicationStatement ms = medication(m, patient, when, inPlan(note, m));
            resources.add(ms);
            section(composition, sections, inPlan(note, m) ? SectionKind.PLAN : SectionKind.MEDICATIONS, note).addEntry(ref(ms));
        }
        for (Allergy a : note.allergies()) {
            if (a.status() == FindingStatus.PRESENT) {
                AllergyIntolerance ai = new AllergyIntolerance();
                ai.setId(uuid());
                ai.setPatient(patient);
                ai.setRecordedDate(when);
                ai.setCode(new CodeableConcept().setText(a.substance()));
                ai.setVerificationStatus(new CodeableConcept(new Coding(
                        "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", "unconfirmed", "Unconfirmed")));
                resources.add(ai);
                section(composition, sections, SectionKind.ALLERGIES, note).addEntry(ref(ai));
            }
        }
        for (Map.Entry<SectionKind, Composition.SectionComponent> e : sections.entrySet()) {
            StringBuilder sb = texts.get(e.getKey());
            String text = sb == null ? e.getValue().getTitle() : sb.toString();
            e.getValue().setText(new Narrative().setStatus(Narrative.NarrativeStatus.GENERATED));
            e.getValue().getText().setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\">"
                    + escape(text).replace("\n", "<br/>") + "</div>");
        }
        composition.addExtension().setUrl("http://hl7.org/fhir/StructureDefinition/artifact-version")
                .setValue(new org.hl7.fhir.r4.model.StringType(SummaryExtractor.KNOWLEDGE_VERSION));

        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.DOCUMENT);
        bundle.setIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + UUID.randomUUID()));
        bundle.setTimestamp(when);
        bundle.addEntry().setFullUrl(composition.getIdElement().getValue()).setResource(composition);
        for (Resource r : resources) {
            bundle.addEntry().setFullUrl(r.getIdElement().getValue()).setResource(r);
        }
        return bundle;
    }

    private static boolean inPlan(StructuredNote note, NoteMedication m) {
        return com.mediassist.core.summary.sections.SectionDetector.sectionAt(note.sections(), m.span().start(),
                SectionKind.HISTORY_OF_PRESENT_ILLNESS) == SectionKind.PLAN;
    }

    private static Composition.SectionComponent section(Composition composition,
                                                        Map<SectionKind, Composition.SectionComponent> sections,
                                                        SectionKind kind, StructuredNote note) {
        return sections.computeIfAbsent(kind, k -> {
            Composition.SectionComponent c = composition.addSection();
            String[] code = SECTION_LOINC.get(k);
            c.setTitle(k.title(note.language()));
            c.setCode(new CodeableConcept(new Coding(LOINC, code[0], code[1])));
            return c;
        });
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String uuid() {
        return "urn:uuid:" + UUID.randomUUID();
    }

    private static Reference ref(Resource r) {
        return new Reference(r.getIdElement().getValue());
    }

    private static CodeableConcept findingCode(Finding f) {
        CodeableConcept cc = new CodeableConcept().setText(f.text());
        if (f.evidence() != null) {
            cc.addCoding(new Coding(DDXPLUS, f.evidence().toString(), null));
        }
        return cc;
    }

    /**
     * Conditions for the assessment, past history and DDXPlus antecedents; Observations (true or
     * false) for symptoms and signs; nothing for a relative's condition or a hypothetical symptom,
     * which stay in the section text.
     */
    private Resource findingResource(Finding f, Reference patient, Date when) {
        boolean conditionLike = f.section() == SectionKind.ASSESSMENT || f.section() == SectionKind.PAST_HISTORY
                || f.status() == FindingStatus.HISTORICAL;
        if (f.status() == FindingStatus.FAMILY) {
            return null;
        }
        if (conditionLike) {
            Condition c = new Condition();
            c.setId(uuid());
            c.setSubject(patient);
            c.setRecordedDate(when);
            c.setCode(findingCode(f));
            c.addCategory(new CodeableConcept(new Coding(CONDITION_CATEGORY,
                    f.section() == SectionKind.ASSESSMENT ? "encounter-diagnosis" : "problem-list-item", null)));
            switch (f.status()) {
                case DENIED -> c.setVerificationStatus(new CodeableConcept(new Coding(CONDITION_VERIFICATION, "refuted", "Refuted")));
                case HYPOTHETICAL -> {
                    c.setVerificationStatus(new CodeableConcept(new Coding(CONDITION_VERIFICATION, "provisional", "Provisional")));
                    c.setClinicalStatus(new CodeableConcept(new Coding(CONDITION_CLINICAL, "active", "Active")));
                }
                case HISTORICAL -> {
                    c.setVerificationStatus(new CodeableConcept(new Coding(CONDITION_VERIFICATION, "confirmed", "Confirmed")));
                    c.setClinicalStatus(new CodeableConcept(new Coding(CONDITION_CLINICAL, "active", "Active")));
                    c.addNote().setText("past history");
                }
                default -> {
                    c.setVerificationStatus(new CodeableConcept(new Coding(CONDITION_VERIFICATION, "confirmed", "Confirmed")));
                    c.setClinicalStatus(new CodeableConcept(new Coding(CONDITION_CLINICAL, "active", "Active")));
                }
            }
            return c;
        }
        if (f.status() == FindingStatus.HYPOTHETICAL) {
            return null;
        }
        Observation o = new Observation();
        o.setId(uuid());
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory(new CodeableConcept(new Coding(OBS_CATEGORY,
                f.section() == SectionKind.EXAMINATION ? "exam" : "survey", null)));
        o.setCode(findingCode(f));
        o.setSubject(patient);
        o.setEffective(new org.hl7.fhir.r4.model.DateTimeType(when));
        o.setValue(new BooleanType(f.status() != FindingStatus.DENIED));
        for (var v : f.values()) {
            o.addComponent().setCode(new CodeableConcept(new Coding(DDXPLUS, v.toString(), null)))
                    .setValue(new BooleanType(true));
        }
        return o;
    }

    private Observation vitalBase(Reference patient, Date when, String text) {
        Observation o = new Observation();
        o.setId(uuid());
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory(new CodeableConcept(new Coding(OBS_CATEGORY, "vital-signs", "Vital Signs")));
        o.setSubject(patient);
        o.setEffective(new org.hl7.fhir.r4.model.DateTimeType(when));
        o.addNote().setText(text);
        return o;
    }

    private static Quantity quantity(Vital v) {
        String ucum = VITAL_LOINC.get(v.kind())[2];
        return new Quantity().setValue(v.value()).setUnit(v.unit()).setSystem(UCUM).setCode(ucum);
    }

    private static void interpret(Observation o, VitalFlag flag) {
        if (flag == VitalFlag.OUT_OF_RANGE) {
            o.addInterpretation(new CodeableConcept(new Coding(INTERPRETATION, "A", "Abnormal")));
        } else if (flag == VitalFlag.IMPLAUSIBLE) {
            o.addInterpretation(new CodeableConcept(new Coding(INTERPRETATION, "A", "Abnormal")));
            o.addNote().setText("implausible value: check the reading");
        }
    }

    private Observation vital(Vital v, Reference patient, Date when) {
        Observation o = vitalBase(patient, when, v.text());
        String[] code = VITAL_LOINC.get(v.kind());
        o.setCode(new CodeableConcept(new Coding(LOINC, code[0], code[1])).setText(code[1]));
        o.setValue(quantity(v));
        interpret(o, v.flag());
        return o;
    }

    private Observation bloodPressure(Vital systolic, Vital diastolic, Reference patient, Date when) {
        Observation o = vitalBase(patient, when, systolic.text());
        o.setCode(new CodeableConcept(new Coding(LOINC, "85354-9", "Blood pressure panel with all children optional"))
                .setText("Blood pressure"));
        for (Vital v : List.of(systolic, diastolic)) {
            String[] code = VITAL_LOINC.get(v.kind());
            Observation.ObservationComponentComponent c = o.addComponent();
            c.setCode(new CodeableConcept(new Coding(LOINC, code[0], code[1])));
            c.setValue(quantity(v));
        }
        interpret(o, systolic.flag().ordinal() >= diastolic.flag().ordinal() ? systolic.flag() : diastolic.flag());
        return o;
    }

    private MedicationStatement medication(NoteMedication m, Reference patient, Date when, boolean plan) {
        MedicationStatement ms = new MedicationStatement();
        ms.setId(uuid());
        ms.setSubject(patient);
        ms.setDateAsserted(when);
        MedicationStatement.MedicationStatementStatus status = switch (m.status()) {
            case DENIED -> MedicationStatement.MedicationStatementStatus.NOTTAKEN;
            case HISTORICAL -> MedicationStatement.MedicationStatementStatus.COMPLETED;
            case HYPOTHETICAL -> MedicationStatement.MedicationStatementStatus.INTENDED;
            default -> plan ? MedicationStatement.MedicationStatementStatus.INTENDED
                    : MedicationStatement.MedicationStatementStatus.ACTIVE;
        };
        ms.setStatus(status);
        CodeableConcept med = new CodeableConcept().setText(m.name());
        for (String ingredient : m.ingredients()) {
            med.addCoding().setDisplay(ingredient);
        }
        ms.setMedication(med);
        Dosage d = ms.addDosage().setText(m.text());
        if (m.route() != null) {
            d.setRoute(new CodeableConcept().setText(m.route()));
        }
        if (m.frequency() != null) {
            d.setTiming(new Timing().setCode(new CodeableConcept().setText(m.frequency())));
        }
        if (m.dose() != null) {
            d.addDoseAndRate().setType(new CodeableConcept().setText(m.dose()));
        }
        return ms;
    }
}
