package com.mediassist.appliance.fhir;

import ca.uhn.fhir.context.FhirContext;
import com.mediassist.store.history.AllergyEntry;
import com.mediassist.store.history.Coding;
import com.mediassist.store.history.ConditionEntry;
import com.mediassist.store.history.ConditionStatus;
import com.mediassist.store.history.HistoryItem;
import com.mediassist.store.history.HistoryKind;
import com.mediassist.store.history.ImmunizationEntry;
import com.mediassist.store.history.MedicationEntry;
import com.mediassist.store.history.MedicationStatus;
import com.mediassist.store.history.ObservationEntry;
import com.mediassist.store.history.ProcedureCategory;
import com.mediassist.store.history.ProcedureEntry;
import com.mediassist.store.notes.SignedNote;
import com.mediassist.store.patients.Patient;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;

/**
 * Writes a patient and their history as a FHIR R4 {@code collection} Bundle that
 * {@link FhirBundleReader} reads back to the same records. Every item's stable uid is its
 * {@code Resource.id} and an identifier in {@link #ITEM_SYSTEM} (so re-importing an export, here or
 * on another box, updates instead of duplicating); the id it had in the record it came from, if any,
 * is kept as an identifier in {@link #SOURCE_SYSTEM}. The patient number is the identifier typed MR,
 * the date of death {@code Patient.deceased[x]}; medications become MedicationStatements
 * (MedicationRequests for the statuses only a request has: cancelled and draft); smoking status and
 * quit date are coded values; each signed consultation note is a {@code Composition}.
 */
@ApplicationScoped
public class FhirBundleWriter {

    /** The identifier system of the clinic's patient numbers in exported bundles. */
    public static final String PATIENT_NUMBER_SYSTEM = "urn:mediassist:patient-number";
    /** The identifier system of every history item's and signed note's stable uid. */
    public static final String ITEM_SYSTEM = "urn:mediassist:record-item";
    /** The identifier system of the id an item had in the record it was imported from. */
    public static final String SOURCE_SYSTEM = "urn:mediassist:source-id";
    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
    private static final Set<MedicationStatus> REQUEST_ONLY = Set.of(MedicationStatus.CANCELLED, MedicationStatus.DRAFT);

    private final FhirContext fhir;
    private final Clock clock;

    public FhirBundleWriter(FhirContext fhir, Clock clock) {
        this.fhir = fhir;
        this.clock = clock;
    }

    /** The bundle as compact JSON. */
    public String write(Patient patient, Map<HistoryKind, List<HistoryItem>> history, List<SignedNote> notes) {
        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.COLLECTION);
        bundle.setTimestamp(Date.from(clock.instant()));
        String patientId = "mediassist-patient-" + patient.id();
        add(bundle, patient(patient, patientId));
        Reference subject = new Reference("Patient/" + patientId);
        for (List<HistoryItem> items : history.values()) {
            for (HistoryItem item : items) {
                Resource resource = resource(item, subject);
                resource.setId(resourceId(item));
                identify(resource, item);
                add(bundle, resource);
            }
        }
        for (SignedNote note : notes) {
            add(bundle, SignedNoteFhir.composition(note, subject));
        }
        return fhir.newJsonParser().encodeResourceToString(bundle);
    }

    private static void identify(Resource resource, HistoryItem item) {
        if (item.uid() != null) {
            resource.setProperty("identifier", new Identifier().setSystem(ITEM_SYSTEM).setValue(item.uid()));
        }
        if (item.entry().sourceId() != null && !item.entry().sourceId().equals(item.uid())) {
            resource.setProperty("identifier", new Identifier().setSystem(SOURCE_SYSTEM)
                    .setValue(item.entry().sourceId()));
        }
    }

    private static void add(Bundle bundle, Resource resource) {
        bundle.addEntry().setFullUrl("urn:mediassist:" + resource.fhirType() + "/" + resource.getIdElement().getIdPart())
                .setResource(resource);
    }

    private static org.hl7.fhir.r4.model.Patient patient(Patient p, String id) {
        org.hl7.fhir.r4.model.Patient patient = new org.hl7.fhir.r4.model.Patient();
        patient.setId(id);
        patient.addIdentifier(new Identifier().setSystem(PATIENT_NUMBER_SYSTEM).setValue(p.patientNumber())
                .setType(new CodeableConcept(new org.hl7.fhir.r4.model.Coding(
                        "http://terminology.hl7.org/CodeSystem/v2-0203", "MR", "Medical record number"))));
        patient.addName(new HumanName().setUse(HumanName.NameUse.OFFICIAL).setFamily(p.familyName())
                .addGiven(p.givenName()));
        patient.setGender(Enumerations.AdministrativeGender.fromCode(p.sex().code()));
        if (p.birthDate() != null) {
            patient.setBirthDateElement(new DateType(p.birthDate().toString()));
        }
        if (p.deceasedDate() != null) {
            patient.setDeceased(dateTime(p.deceasedDate()));
        } else if (p.deceased()) {
            patient.setDeceased(new org.hl7.fhir.r4.model.BooleanType(true));
        }
        return patient;
    }

    private static Resource resource(HistoryItem item, Reference subject) {
        var entry = item.entry();
        if (entry instanceof ConditionEntry c) {
            return condition(c, subject);
        }
        if (entry instanceof MedicationEntry m) {
            return REQUEST_ONLY.contains(m.status()) ? medicationRequest(m, subject) : medicationStatement(m, subject);
        }
        if (entry instanceof AllergyEntry a) {
            return allergy(a, subject);
        }
        if (entry instanceof ImmunizationEntry i) {
            return immunization(i, subject);
        }
        if (entry instanceof ProcedureEntry p) {
            return procedure(p, subject);
        }
        if (entry instanceof ObservationEntry o) {
            return observation(o, subject);
        }
        throw new IllegalStateException("unknown history entry " + entry.getClass().getName());
    }

    /** The code system of {@code AllergyIntolerance.clinicalStatus}. */
    static final String ALLERGY_CLINICAL = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";

    private static Condition condition(ConditionEntry c, Reference subject) {
        Condition condition = new Condition().setCode(concept(c.coding())).setSubject(subject);
        if (c.status() != ConditionStatus.UNKNOWN) {
            condition.setClinicalStatus(new CodeableConcept(new org.hl7.fhir.r4.model.Coding(
                    "http://terminology.hl7.org/CodeSystem/condition-clinical", c.status().code(), null)));
        }
        if (c.onsetDate() != null) {
            condition.setOnset(dateTime(c.onsetDate()));
        }
        if (c.abatementDate() != null) {
            condition.setAbatement(dateTime(c.abatementDate()));
        }
        return condition;
    }

    private static MedicationStatement medicationStatement(MedicationEntry m, Reference subject) {
        MedicationStatement statement = new MedicationStatement().setMedication(concept(m.coding())).setSubject(subject);
        statement.setStatus(MedicationStatement.MedicationStatementStatus.fromCode(m.status().code()));
        if (m.startDate() != null || m.endDate() != null) {
            Period period = new Period();
            if (m.startDate() != null) {
                period.setStartElement(dateTime(m.startDate()));
            }
            if (m.endDate() != null) {
                period.setEndElement(dateTime(m.endDate()));
            }
            statement.setEffective(period);
        }
        if (m.dosage() != null) {
            statement.addDosage(new Dosage().setText(m.dosage()));
        }
        return statement;
    }

    private static MedicationRequest medicationRequest(MedicationEntry m, Reference subject) {
        MedicationRequest request = new MedicationRequest().setMedication(concept(m.coding())).setSubject(subject)
                .setIntent(MedicationRequest.MedicationRequestIntent.ORDER)
                .setStatus(MedicationRequest.MedicationRequestStatus.fromCode(m.status().code()));
        if (m.startDate() != null) {
            request.setAuthoredOnElement(dateTime(m.startDate()));
        }
        if (m.dosage() != null) {
            request.addDosageInstruction(new Dosage().setText(m.dosage()));
        }
        return request;
    }

    private static AllergyIntolerance allergy(AllergyEntry a, Reference subject) {
        // The allergy list holds current allergies only (the import skips inactive and resolved ones,
        // and the medication checks alert on every one), and R4 requires the status (ait-1).
        AllergyIntolerance allergy = new AllergyIntolerance().setCode(concept(a.coding())).setPatient(subject)
                .setClinicalStatus(new CodeableConcept(new org.hl7.fhir.r4.model.Coding(ALLERGY_CLINICAL, "active", null)));
        if (a.criticality() != null) {
            allergy.setCriticality(AllergyIntolerance.AllergyIntoleranceCriticality.fromCode(a.criticality().code()));
        }
        if (a.reaction() != null) {
            allergy.addReaction().addManifestation(new CodeableConcept().setText(a.reaction()));
        }
        if (a.recordedDate() != null) {
            allergy.setRecordedDateElement(dateTime(a.recordedDate()));
        }
        return allergy;
    }

    private static Immunization immunization(ImmunizationEntry i, Reference subject) {
        Immunization immunization = new Immunization()
                .setStatus(Immunization.ImmunizationStatus.fromCode(i.status().code()))
                .setVaccineCode(concept(i.coding())).setPatient(subject);
        immunization.setOccurrence(i.date() != null ? dateTime(i.date()) : new StringType("unknown"));
        return immunization;
    }

    private static Procedure procedure(ProcedureEntry p, Reference subject) {
        Procedure procedure = new Procedure().setStatus(Procedure.ProcedureStatus.COMPLETED).setCode(concept(p.coding()))
                .setSubject(subject);
        if (p.category() == ProcedureCategory.SCREENING) {
            procedure.setCategory(new CodeableConcept().setText("screening"));
        }
        if (p.date() != null) {
            procedure.setPerformed(dateTime(p.date()));
        }
        return procedure;
    }

    private static Observation observation(ObservationEntry o, Reference subject) {
        Observation observation = new Observation().setStatus(Observation.ObservationStatus.FINAL)
                .setCode(concept(o.coding())).setSubject(subject);
        if (o.date() != null) {
            observation.setEffective(dateTime(o.date()));
        }
        if (o.valueNumber() != null) {
            Quantity quantity = new Quantity().setValue(BigDecimal.valueOf(o.valueNumber()));
            if (o.unit() != null) {
                quantity.setUnit(o.unit());
            }
            observation.setValue(quantity);
        } else if (o.valueText() != null) {
            observation.setValue(SmokingValues.value(o.coding(), o.valueText()));
        }
        return observation;
    }

    static CodeableConcept concept(Coding coding) {
        CodeableConcept concept = new CodeableConcept().setText(coding.display());
        if (coding.code() != null) {
            concept.addCoding(new org.hl7.fhir.r4.model.Coding(coding.system(), coding.code(), coding.display()));
        }
        return concept;
    }

    static DateTimeType dateTime(LocalDate date) {
        return new DateTimeType(date.toString());
    }

    private static String resourceId(HistoryItem item) {
        if (item.uid() != null && FHIR_ID.matcher(item.uid()).matches()) {
            return item.uid();
        }
        String source = item.entry().sourceId();
        if (source != null && FHIR_ID.matcher(source).matches()) {
            return source;
        }
        return "mediassist-" + item.kind().name().toLowerCase(Locale.ROOT) + "-" + item.id();
    }
}
