package com.mediassist.appliance.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mediassist.appliance.failure.FieldViolation;
import com.mediassist.store.StoreException;
import com.mediassist.store.history.AllergyEntry;
import com.mediassist.store.history.Coding;
import com.mediassist.store.history.ConditionEntry;
import com.mediassist.store.history.ConditionStatus;
import com.mediassist.store.history.Criticality;
import com.mediassist.store.history.HistoryEntry;
import com.mediassist.store.history.ImmunizationEntry;
import com.mediassist.store.history.ImmunizationStatus;
import com.mediassist.store.notes.SignedNote;
import com.mediassist.store.history.MedicationEntry;
import com.mediassist.store.history.MedicationStatus;
import com.mediassist.store.history.ObservationEntry;
import com.mediassist.store.history.ProcedureCategory;
import com.mediassist.store.history.ProcedureEntry;
import com.mediassist.store.patients.PatientDetails;
import com.mediassist.core.knowledge.InvalidClinicalInputException;
import com.mediassist.core.knowledge.Sex;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;

/**
 * Reads a FHIR R4 {@code Bundle} (JSON) into the store's records, checking everything before
 * anything is written. Each entry's resource is parsed with HAPI on its own, so that a problem is
 * reported with the entry it is in. Parsing is lenient about elements it does not know (real
 * exports carry extensions and newer elements) and strict about values that are malformed (a date
 * that is not a date, a string where an object belongs): those, a bundle of the wrong type, or a
 * bundle without exactly one Patient reject the whole import with every problem listed.
 *
 * <p>Resource types the appliance does not use are skipped and counted by type. Entries recorded
 * as entered in error (and immunizations or procedures not done) are skipped as well, counted under
 * {@code "<Type> (entered-in-error)"} or {@code "<Type> (not-done)"}.
 *
 * <p>Dates keep the calendar day as written in the record; a date with only a year or a month
 * becomes the first day of that year or month.
 */
@ApplicationScoped
public class FhirBundleReader {

    /** Bundle types accepted: all that carry resources to store. */
    public static final Set<String> ACCEPTED_BUNDLE_TYPES = Set.of("collection", "batch", "transaction", "searchset");
    static final Set<String> USED_TYPES = Set.of("Patient", "Condition", "MedicationStatement", "MedicationRequest",
            "AllergyIntolerance", "Immunization", "Procedure", "Observation", "Medication", "Composition");
    private static final int MAX_DISPLAY = 500;
    private static final int MAX_TEXT = 500;
    private static final String MR_TYPE = "MR";

    private final FhirContext fhir;
    private final ObjectMapper json;

    public FhirBundleReader(FhirContext fhir, ObjectMapper json) {
        this.fhir = fhir;
        this.json = json;
    }

    /**
     * @param body the bundle as JSON text
     * @return the patient, the history items and what was skipped
     * @throws FhirBundleRejectedException listing every problem found; nothing may be stored then
     */
    public ParsedBundle read(String body) {
        JsonNode root = parseJson(body);
        List<FieldViolation> problems = new ArrayList<>();
        checkBundleShell(root, problems);
        if (!problems.isEmpty()) {
            throw new FhirBundleRejectedException(problems);
        }
        Map<String, Integer> skipped = new TreeMap<>();
        List<ParsedEntry> parsed = new ArrayList<>();
        JsonNode entries = root.path("entry");
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            JsonNode resourceNode = entry.path("resource");
            if (!resourceNode.isObject()) {
                skipped.merge("(entry without resource)", 1, Integer::sum);
                continue;
            }
            String type = resourceNode.path("resourceType").asText("");
            String label = "entry[" + i + "] " + (type.isEmpty() ? "(no resourceType)" : type)
                    + (resourceNode.path("id").isTextual() ? "/" + resourceNode.path("id").asText() : "");
            if (type.isEmpty()) {
                problems.add(new FieldViolation(label, "the resource has no resourceType"));
                continue;
            }
            if (!USED_TYPES.contains(type)) {
                skipped.merge(type, 1, Integer::sum);
                continue;
            }
            ParsedEntry p = parseResource(label, entry.path("fullUrl").asText(null), resourceNode, problems);
            if (p != null) {
                parsed.add(p);
            }
        }
        List<ParsedEntry> patients = parsed.stream().filter(p -> p.resource() instanceof Patient).toList();
        if (patients.size() != 1) {
            problems.add(new FieldViolation("entry", "the bundle must hold exactly one Patient, found "
                    + patients.size() + (patients.isEmpty() ? "" : ": " + patients.stream().map(ParsedEntry::label)
                            .toList())));
            throw new FhirBundleRejectedException(problems);
        }
        // Go on mapping despite parse problems in other entries, so that every problem is listed.
        ParsedEntry patientEntry = patients.get(0);
        Patient patient = (Patient) patientEntry.resource();
        PatientDetails details = patientDetails(patientEntry, problems);
        Set<String> patientRefs = referencesTo(patientEntry);
        Map<String, Medication> medications = new HashMap<>();
        for (ParsedEntry p : parsed) {
            if (p.resource() instanceof Medication m) {
                for (String key : referencesTo(p)) {
                    medications.put(key, m);
                }
            }
        }
        List<ParsedBundle.Item> items = new ArrayList<>();
        List<SignedNote> notes = new ArrayList<>();
        for (ParsedEntry p : parsed) {
            if (p.resource() == patient || p.resource() instanceof Medication) {
                continue;
            }
            try {
                if (p.resource() instanceof Composition c) {
                    SignedNote note = note(p, c, patientRefs, skipped, problems);
                    if (note != null) {
                        notes.add(note);
                    }
                    continue;
                }
                HistoryEntry item = toEntry(p, patientRefs, medications, skipped, problems);
                if (item != null) {
                    items.add(new ParsedBundle.Item(identifier(p.resource(), FhirBundleWriter.ITEM_SYSTEM), item));
                }
            } catch (StoreException | IllegalArgumentException | DateTimeParseException e) {
                problems.add(new FieldViolation(p.label(), e.getMessage()));
            }
        }
        if (!problems.isEmpty() || details == null) {
            throw new FhirBundleRejectedException(problems);
        }
        return new ParsedBundle(details, items, notes, skipped);
    }

    private JsonNode parseJson(String body) {
        if (body == null || body.isBlank()) {
            throw new FhirBundleRejectedException(List.of(new FieldViolation("body",
                    "empty; expected a FHIR R4 Bundle in JSON")));
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            // Limits (nesting depth, number and string length) are reported without a location.
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new FhirBundleRejectedException(List.of(new FieldViolation("body",
                    "not valid JSON" + where + ": " + com.mediassist.appliance.problem.JsonProblemText.describe(e))));
        }
    }

    private static void checkBundleShell(JsonNode root, List<FieldViolation> problems) {
        if (!root.isObject() || !"Bundle".equals(root.path("resourceType").asText())) {
            problems.add(new FieldViolation("resourceType", "expected \"Bundle\", got "
                    + (root.isObject() ? root.path("resourceType").toString() : root.getNodeType().toString())));
            return;
        }
        String type = root.path("type").asText("");
        if (!ACCEPTED_BUNDLE_TYPES.contains(type)) {
            problems.add(new FieldViolation("type", "must be one of " + new java.util.TreeSet<>(ACCEPTED_BUNDLE_TYPES)
                    + ", got " + (type.isEmpty() ? "none" : "\"" + type + "\"")));
        }
        if (root.has("entry") && !root.get("entry").isArray()) {
            problems.add(new FieldViolation("entry", "must be an array"));
        }
    }

    private ParsedEntry parseResource(String label, String fullUrl, JsonNode node, List<FieldViolation> problems) {
        CollectingErrorHandler handler = new CollectingErrorHandler();
        IParser parser = fhir.newJsonParser().setParserErrorHandler(handler);
        IBaseResource resource;
        try {
            resource = parser.parseResource(node.toString());
        } catch (DataFormatException e) {
            problems.add(new FieldViolation(label, "malformed resource: " + e.getMessage()));
            return null;
        }
        if (!handler.problems.isEmpty()) {
            handler.problems.forEach(message -> problems.add(new FieldViolation(label, message)));
            return null;
        }
        return new ParsedEntry(label, fullUrl, (Resource) resource, node);
    }

    private PatientDetails patientDetails(ParsedEntry entry, List<FieldViolation> problems) {
        Patient patient = (Patient) entry.resource();
        String number = patientNumber(patient);
        if (number == null) {
            number = patient.getIdElement().getIdPart();
        }
        if (number == null) {
            problems.add(new FieldViolation(entry.label(),
                    "the Patient has neither an identifier nor an id to use as patient number"));
            return null;
        }
        HumanName name = patient.getName().stream().filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL).findFirst()
                .orElse(patient.getNameFirstRep());
        String given = name.getGiven().isEmpty() ? null : name.getGivenAsSingleString();
        String family = name.getFamily();
        if ((given == null || given.isBlank()) && name.hasText()) {
            given = name.getText();
        }
        if (family == null || family.isBlank()) {
            family = name.hasText() && given != null && !given.equals(name.getText()) ? name.getText() : "-";
        }
        try {
            Sex sex = patient.hasGender() ? Sex.fromCode(patient.getGender().toCode()) : Sex.UNKNOWN;
            boolean deceased = patient.hasDeceased() && (!(patient.getDeceased() instanceof BooleanType b)
                    || b.booleanValue());
            LocalDate deceasedDate = patient.getDeceased() instanceof BaseDateTimeType dt ? date(dt) : null;
            return new PatientDetails(number, given == null || given.isBlank() ? "-" : given, family,
                    patient.hasBirthDateElement() ? date(patient.getBirthDateElement()) : null, sex, deceased,
                    deceasedDate);
        } catch (StoreException | InvalidClinicalInputException | DateTimeParseException e) {
            problems.add(new FieldViolation(entry.label(), e.getMessage()));
            return null;
        }
    }

    /** The medical record number when typed as such, else the first identifier with a value. */
    private static String patientNumber(Patient patient) {
        String first = null;
        for (Identifier id : patient.getIdentifier()) {
            if (!id.hasValue() || id.getValue().isBlank()) {
                continue;
            }
            if (id.getType().getCoding().stream().anyMatch(c -> MR_TYPE.equals(c.getCode()))) {
                return id.getValue().strip();
            }
            if (first == null) {
                first = id.getValue().strip();
            }
        }
        return first;
    }

    private HistoryEntry toEntry(ParsedEntry p, Set<String> patientRefs, Map<String, Medication> medications,
            Map<String, Integer> skipped, List<FieldViolation> problems) {
        Resource r = p.resource();
        String type = r.fhirType();
        String sourceId = sourceId(p);
        if (r instanceof Condition c) {
            if (!checkSubject(p, c.getSubject(), patientRefs, problems) || enteredInError(c.getVerificationStatus())) {
                return skip(type, "entered-in-error", skipped, problems, p);
            }
            return new ConditionEntry(coding(p, c.getCode()), conditionStatus(c), startDate(c.getOnset()),
                    startDate(c.getAbatement()), sourceId);
        }
        if (r instanceof MedicationStatement m) {
            if (!checkSubject(p, m.getSubject(), patientRefs, problems)) {
                return null;
            }
            String status = m.hasStatus() ? m.getStatus().toCode() : null;
            if ("entered-in-error".equals(status)) {
                return skip(type, status, skipped, problems, p);
            }
            return new MedicationEntry(medication(p, m, m.getMedication(), medications),
                    status == null ? null : MedicationStatus.fromCode(status), startDate(m.getEffective()),
                    endDate(m.getEffective()), dosage(m.getDosage()), sourceId);
        }
        if (r instanceof MedicationRequest m) {
            if (!checkSubject(p, m.getSubject(), patientRefs, problems)) {
                return null;
            }
            String status = m.hasStatus() ? m.getStatus().toCode() : null;
            if ("entered-in-error".equals(status)) {
                return skip(type, status, skipped, problems, p);
            }
            return new MedicationEntry(medication(p, m, m.getMedication(), medications),
                    status == null ? null : MedicationStatus.fromCode(status),
                    m.hasAuthoredOnElement() ? date(m.getAuthoredOnElement()) : null, null,
                    dosage(m.getDosageInstruction()), sourceId);
        }
        if (r instanceof AllergyIntolerance a) {
            if (!checkSubject(p, a.getPatient(), patientRefs, problems) || enteredInError(a.getVerificationStatus())) {
                return skip(type, "entered-in-error", skipped, problems, p);
            }
            String clinical = firstCode(a.getClinicalStatus());
            if ("inactive".equals(clinical) || "resolved".equals(clinical)) {
                // The allergy list is what the medication checks alert on: current allergies only.
                return skip(type, clinical, skipped, problems, p);
            }
            return new AllergyEntry(coding(p, a.getCode()), reaction(a),
                    a.hasCriticality() ? Criticality.fromCode(a.getCriticality().toCode()) : null,
                    a.hasRecordedDateElement() ? date(a.getRecordedDateElement()) : null, sourceId);
        }
        if (r instanceof Immunization im) {
            if (!checkSubject(p, im.getPatient(), patientRefs, problems)) {
                return null;
            }
            String status = im.hasStatus() ? im.getStatus().toCode() : null;
            if ("entered-in-error".equals(status)) {
                return skip(type, status, skipped, problems, p);
            }
            return new ImmunizationEntry(coding(p, im.getVaccineCode()), startDate(im.getOccurrence()), sourceId,
                    "not-done".equals(status) ? ImmunizationStatus.NOT_DONE : ImmunizationStatus.COMPLETED);
        }
        if (r instanceof Procedure pr) {
            if (!checkSubject(p, pr.getSubject(), patientRefs, problems)) {
                return null;
            }
            String status = pr.hasStatus() ? pr.getStatus().toCode() : null;
            if ("entered-in-error".equals(status) || "not-done".equals(status)) {
                return skip(type, status, skipped, problems, p);
            }
            Coding coding = coding(p, pr.getCode());
            return new ProcedureEntry(coding, isScreening(pr, coding) ? ProcedureCategory.SCREENING
                    : ProcedureCategory.PROCEDURE, startDate(pr.getPerformed()), sourceId);
        }
        if (r instanceof Observation o) {
            if (!checkSubject(p, o.getSubject(), patientRefs, problems)) {
                return null;
            }
            String status = o.hasStatus() ? o.getStatus().toCode() : null;
            if ("entered-in-error".equals(status) || "cancelled".equals(status)) {
                return skip(type, status, skipped, problems, p);
            }
            LocalDate date = o.hasEffective() ? startDate(o.getEffective())
                    : o.hasIssuedElement() ? date(o.getIssuedElement()) : null;
            Double number = null;
            String text = null;
            String unit = null;
            if (o.hasValue()) {
                Type value = o.getValue();
                if (value instanceof Quantity q && q.hasValue()) {
                    number = q.getValue().doubleValue();
                    unit = q.hasUnit() ? q.getUnit() : q.getCode();
                } else {
                    text = valueText(value);
                }
            } else if (o.hasComponent()) {
                text = componentsText(o);
            }
            return new ObservationEntry(coding(p, o.getCode()), number, truncate(text, MAX_TEXT), truncate(unit, 50),
                    date, sourceId);
        }
        throw new IllegalStateException("unhandled resource type " + type);
    }

    private static HistoryEntry skip(String type, String why, Map<String, Integer> skipped,
            List<FieldViolation> problems, ParsedEntry p) {
        // A subject problem was already recorded; only count skips of well-formed entries.
        if (problems.stream().noneMatch(e -> e.field().equals(p.label()))) {
            skipped.merge(type + " (" + why + ")", 1, Integer::sum);
        }
        return null;
    }

    private static boolean checkSubject(ParsedEntry p, Reference subject, Set<String> patientRefs,
            List<FieldViolation> problems) {
        if (subject == null || !subject.hasReference()) {
            return true;
        }
        String ref = subject.getReference();
        if (patientRefs.contains(ref) || patientRefs.stream().anyMatch(k -> k.startsWith("Patient/") && ref.endsWith("/" + k))) {
            return true;
        }
        problems.add(new FieldViolation(p.label(), "refers to patient " + ref
                + ", which is not the bundle's Patient; a bundle must hold one patient's record"));
        return false;
    }

    private static Set<String> referencesTo(ParsedEntry p) {
        Set<String> keys = new HashSet<>();
        if (p.fullUrl() != null && !p.fullUrl().isBlank()) {
            keys.add(p.fullUrl());
        }
        String id = p.resource().getIdElement().getIdPart();
        if (id != null) {
            keys.add(p.resource().fhirType() + "/" + id);
            if (p.fullUrl() == null) {
                keys.add("urn:uuid:" + id);
            }
        }
        return keys;
    }

    private SignedNote note(ParsedEntry p, Composition c, Set<String> patientRefs, Map<String, Integer> skipped,
            List<FieldViolation> problems) {
        if (!checkSubject(p, c.getSubject(), patientRefs, problems)) {
            return null;
        }
        String status = c.hasStatus() ? c.getStatus().toCode() : null;
        if (!"final".equals(status) && !"amended".equals(status)) {
            skip("Composition", status == null ? "no status" : status, skipped, problems, p);
            return null;
        }
        String uid = identifier(c, FhirBundleWriter.ITEM_SYSTEM);
        if (uid == null) {
            uid = sourceId(p);
        }
        if (!c.hasDateElement()) {
            throw new IllegalArgumentException("date: a signed note needs the date it was signed");
        }
        String author = c.getAuthor().stream().map(a -> a.hasDisplay() ? a.getDisplay() : a.getReference())
                .filter(a -> a != null && !a.isBlank()).findFirst().orElse("-");
        String title = c.hasTitle() ? c.getTitle() : c.getType().hasText() ? c.getType().getText() : "Nota";
        String text = SignedNoteFhir.sectionText(c, SignedNoteFhir.NOTE_SECTION);
        if (text == null && !c.getSection().isEmpty()) {
            text = c.getSection().stream().filter(s -> s.hasText() && s.getText().hasDiv()
                            && s.getCode().getCoding().stream().noneMatch(x -> SignedNoteFhir.DIAGNOSIS_SECTION.equals(x.getCode())))
                    .map(s -> s.getText().getDiv().allText()).reduce((a, b) -> a + "\n\n" + b).orElse(null);
        }
        return new SignedNote(uid, truncate(title, 200), c.getDate().toInstant(), truncate(author, 200), text,
                truncate(SignedNoteFhir.sectionText(c, SignedNoteFhir.DIAGNOSIS_SECTION), 500), null);
    }

    /** The value of the resource's first identifier in {@code system}, or {@code null}. */
    private static String identifier(Resource r, String system) {
        for (org.hl7.fhir.r4.model.Base b : r.listChildrenByName("identifier")) {
            if (b instanceof Identifier id && system.equals(id.getSystem()) && id.hasValue() && !id.getValue().isBlank()) {
                return id.getValue().strip();
            }
        }
        return null;
    }

    /**
     * The id the item had in the record it came from. An appliance export names it in
     * {@link FhirBundleWriter#SOURCE_SYSTEM} (and an item entered by hand has none). Otherwise the
     * resource's logical id: stable across exports of the same record, so re-importing does not
     * duplicate. Without an id, the entry's fullUrl; without either, a digest of the content.
     */
    private static String sourceId(ParsedEntry p) {
        if (identifier(p.resource(), FhirBundleWriter.ITEM_SYSTEM) != null) {
            return identifier(p.resource(), FhirBundleWriter.SOURCE_SYSTEM);
        }
        String id = p.resource().getIdElement().getIdPart();
        if (id != null && !id.isBlank()) {
            return id;
        }
        if (p.fullUrl() != null && !p.fullUrl().isBlank() && p.fullUrl().length() <= 200) {
            return p.fullUrl();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(p.node().toString().getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static boolean enteredInError(CodeableConcept verification) {
        return verification != null && verification.getCoding().stream().anyMatch(c -> "entered-in-error".equals(c.getCode()));
    }

    private static ConditionStatus conditionStatus(Condition c) {
        String code = firstCode(c.getClinicalStatus());
        return code == null ? null : ConditionStatus.fromCode(code);
    }

    /** The first non-blank code of {@code concept}, or null. */
    private static String firstCode(CodeableConcept concept) {
        return concept.getCoding().stream().map(org.hl7.fhir.r4.model.Coding::getCode)
                .filter(s -> s != null && !s.isBlank()).findFirst().orElse(null);
    }

    private static Coding coding(ParsedEntry p, CodeableConcept concept) {
        if (concept == null || concept.isEmpty()) {
            throw new IllegalArgumentException("code: missing; every imported item needs a code or a text");
        }
        org.hl7.fhir.r4.model.Coding chosen = concept.getCoding().stream().filter(c -> c.hasCode()).findFirst().orElse(null);
        String display = chosen != null && chosen.hasDisplay() ? chosen.getDisplay()
                : concept.hasText() ? concept.getText() : chosen != null ? chosen.getCode() : null;
        if (display == null || display.isBlank()) {
            throw new IllegalArgumentException("code: has neither a coding nor a text");
        }
        return chosen == null ? Coding.text(truncate(display, MAX_DISPLAY))
                : new Coding(chosen.getSystem(), chosen.getCode(), truncate(display, MAX_DISPLAY));
    }

    private static Coding medication(ParsedEntry p, DomainResource owner, Type medication, Map<String, Medication> medications) {
        if (medication instanceof CodeableConcept concept) {
            return coding(p, concept);
        }
        if (medication instanceof Reference ref && ref.hasReference()) {
            String target = ref.getReference();
            if (target.startsWith("#")) {
                for (Resource contained : owner.getContained()) {
                    if (contained instanceof Medication m && target.substring(1).equals(contained.getIdElement().getIdPart())) {
                        return coding(p, m.getCode());
                    }
                }
            }
            Medication m = medications.get(target);
            if (m != null) {
                return coding(p, m.getCode());
            }
            if (ref.hasDisplay()) {
                return Coding.text(truncate(ref.getDisplay(), MAX_DISPLAY));
            }
            throw new IllegalArgumentException("medicationReference " + target
                    + " names no Medication in the bundle and has no display");
        }
        throw new IllegalArgumentException("medication[x]: missing");
    }

    private static String dosage(List<Dosage> dosages) {
        List<String> texts = dosages.stream().filter(Dosage::hasText).map(Dosage::getText).toList();
        return texts.isEmpty() ? null : truncate(String.join("; ", texts), MAX_TEXT);
    }

    private static String reaction(AllergyIntolerance a) {
        List<String> parts = new ArrayList<>();
        for (AllergyIntolerance.AllergyIntoleranceReactionComponent reaction : a.getReaction()) {
            for (CodeableConcept m : reaction.getManifestation()) {
                String text = m.hasText() ? m.getText() : m.getCodingFirstRep().getDisplay();
                if (text != null && !text.isBlank()) {
                    parts.add(text);
                }
            }
            if (parts.isEmpty() && reaction.hasDescription()) {
                parts.add(reaction.getDescription());
            }
        }
        return parts.isEmpty() ? null : truncate(String.join(", ", parts), MAX_TEXT);
    }

    private static boolean isScreening(Procedure pr, Coding coding) {
        String category = pr.hasCategory() ? (pr.getCategory().getText() + " "
                + pr.getCategory().getCoding().stream().map(c -> c.getCode() + " " + c.getDisplay()).toList()) : "";
        return (category + " " + coding.display()).toLowerCase(Locale.ROOT).contains("screening");
    }

    private static String valueText(Type value) {
        if (value instanceof CodeableConcept cc) {
            return cc.hasText() ? cc.getText() : cc.getCodingFirstRep().hasDisplay() ? cc.getCodingFirstRep().getDisplay()
                    : cc.getCodingFirstRep().getCode();
        }
        if (value instanceof org.hl7.fhir.r4.model.PrimitiveType<?> primitive) {
            return primitive.getValueAsString();
        }
        if (value instanceof Period period) {
            return period.getStartElement().getValueAsString() + " / " + period.getEndElement().getValueAsString();
        }
        return null;
    }

    private static String componentsText(Observation o) {
        List<String> parts = new ArrayList<>();
        for (Observation.ObservationComponentComponent c : o.getComponent()) {
            String name = c.getCode().hasText() ? c.getCode().getText() : c.getCode().getCodingFirstRep().getDisplay();
            String value;
            if (c.getValue() instanceof Quantity q && q.hasValue()) {
                value = q.getValue().stripTrailingZeros().toPlainString() + (q.hasUnit() ? " " + q.getUnit() : "");
            } else {
                value = valueText(c.getValue());
            }
            if (value != null) {
                parts.add((name == null ? "" : name + ": ") + value);
            }
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private static LocalDate startDate(Type value) {
        if (value instanceof BaseDateTimeType dt) {
            return date(dt);
        }
        if (value instanceof Period period && period.hasStartElement()) {
            return date(period.getStartElement());
        }
        return null;
    }

    private static LocalDate endDate(Type value) {
        if (value instanceof Period period && period.hasEndElement()) {
            return date(period.getEndElement());
        }
        return null;
    }

    /** The calendar day as written (no time-zone shift); year or month precision → first day. */
    static LocalDate date(BaseDateTimeType value) {
        String text = value.getValueAsString();
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() >= 10) {
            return LocalDate.parse(text.substring(0, 10));
        }
        if (text.length() == 7) {
            return LocalDate.parse(text + "-01");
        }
        return LocalDate.parse(text.substring(0, 4) + "-01-01");
    }

    private static String truncate(String text, int max) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.length() <= max ? stripped : stripped.substring(0, max - 1) + "…";
    }

    /** One entry's resource as HAPI parsed it, with where it was in the bundle. */
    private record ParsedEntry(String label, String fullUrl, Resource resource, JsonNode node) {
    }

    /**
     * Ignores what a newer or extended record may carry (unknown elements and attributes,
     * references HAPI cannot resolve) and collects what makes a value unusable.
     */
    private static final class CollectingErrorHandler implements IParserErrorHandler {

        final List<String> problems = new ArrayList<>();

        @Override
        public void containedResourceWithNoId(IParseLocation location) {
            problems.add(where(location) + "a contained resource has no id");
        }

        @Override
        public void incorrectJsonType(IParseLocation location, String elementName, BaseJsonLikeValue.ValueType expected,
                BaseJsonLikeValue.ScalarType expectedScalar, BaseJsonLikeValue.ValueType found,
                BaseJsonLikeValue.ScalarType foundScalar) {
            problems.add(where(location) + "'" + elementName + "' must be a JSON "
                    + (expectedScalar != null ? expectedScalar : expected).toString().toLowerCase(Locale.ROOT)
                    + ", found " + (foundScalar != null ? foundScalar : found).toString().toLowerCase(Locale.ROOT));
        }

        @Override
        public void invalidValue(IParseLocation location, String value, String error) {
            problems.add(where(location) + "invalid value \"" + value + "\": " + error);
        }

        @Override
        public void missingRequiredElement(IParseLocation location, String element) {
            // Required-by-the-spec elements the appliance does not need are checked where used.
        }

        @Override
        public void unexpectedRepeatingElement(IParseLocation location, String elementName) {
            problems.add(where(location) + "'" + elementName + "' must not repeat");
        }

        @Override
        public void unknownAttribute(IParseLocation location, String attributeName) {
            // Lenient: newer or foreign attributes are ignored.
        }

        @Override
        public void unknownElement(IParseLocation location, String elementName) {
            // Lenient: newer or foreign elements are ignored.
        }

        @Override
        public void unknownReference(IParseLocation location, String reference) {
            // References to resources outside the bundle are normal in exports.
        }

        @Override
        public void invalidInternalReference(IParseLocation location, String reference) {
            // Checked where the appliance follows references (the subject, the medication).
        }

        @Override
        public void extensionContainsValueAndNestedExtensions(IParseLocation location) {
            // Extensions are not used.
        }

        private static String where(IParseLocation location) {
            return location == null || location.getParentElementName() == null ? ""
                    : "in '" + location.getParentElementName() + "': ";
        }
    }
}
