package com.mediassist.appliance.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mediassist.appliance.failure.FieldViolation;
import com.mediassist.store.history.AllergyEntry;
import com.mediassist.store.history.ConditionEntry;
import com.mediassist.store.history.ConditionStatus;
import com.mediassist.store.history.HistoryEntry;
import com.mediassist.store.history.HistoryKind;
import com.mediassist.store.history.MedicationEntry;
import com.mediassist.store.history.MedicationStatus;
import com.mediassist.store.history.ObservationEntry;
import com.mediassist.core.knowledge.Sex;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FhirBundleReaderTest {

    private static final FhirContext FHIR = FhirContext.forR4();
    private final FhirBundleReader reader = new FhirBundleReader(FHIR, new ObjectMapper());

    @Test
    void readsThePatientAndHistoryOfARealSyntheaRecord() {
        ParsedBundle bundle = reader.read(FhirFixtures.syntheaText());

        assertThat(bundle.patient().patientNumber()).isEqualTo(FhirFixtures.SYNTHEA_PATIENT_NUMBER);
        assertThat(bundle.patient().familyName()).isEqualTo("Dare");
        assertThat(bundle.patient().givenName()).isEqualTo("Renato");
        assertThat(bundle.patient().sex()).isEqualTo(Sex.MALE);
        assertThat(bundle.patient().birthDate()).isEqualTo(LocalDate.of(1976, 6, 14));
        Map<HistoryKind, Long> byKind = bundle.entries().stream()
                .collect(Collectors.groupingBy(HistoryEntry::kind, Collectors.counting()));
        assertThat(byKind).containsEntry(HistoryKind.CONDITION, 10L).containsEntry(HistoryKind.MEDICATION, 3L)
                .containsEntry(HistoryKind.IMMUNIZATION, 9L).containsEntry(HistoryKind.PROCEDURE, 4L)
                .containsEntry(HistoryKind.OBSERVATION, 118L).doesNotContainKey(HistoryKind.ALLERGY);
        assertThat(bundle.skipped()).containsEntry("Claim", 19).containsEntry("ExplanationOfBenefit", 16)
                .containsEntry("Encounter", 16).containsEntry("DiagnosticReport", 11).containsEntry("Goal", 5)
                .containsEntry("Organization", 2).containsEntry("Practitioner", 2).containsEntry("CarePlan", 2)
                .hasSize(8);
    }

    @Test
    void skipsAllergiesThatAreNoLongerCurrentAndKeepsActiveOnes() {
        ObjectNode bundle = FhirFixtures.synthea();
        String patient = "Patient/" + bundle.withArray("entry").get(0).get("resource").get("id").asText();
        for (String status : new String[] {"active", "resolved", "inactive", null}) {
            ObjectNode allergy = bundle.withArray("entry").addObject().putObject("resource");
            allergy.put("resourceType", "AllergyIntolerance").put("id", "allergy-" + status);
            allergy.putObject("code").put("text", "Penicilina");
            allergy.putObject("patient").put("reference", patient);
            if (status != null) {
                allergy.putObject("clinicalStatus").putArray("coding").addObject()
                        .put("system", FhirBundleWriter.ALLERGY_CLINICAL).put("code", status);
            }
        }

        ParsedBundle parsed = reader.read(bundle.toString());

        assertThat(parsed.entries().stream().filter(AllergyEntry.class::isInstance).map(HistoryEntry::sourceId))
                .containsExactlyInAnyOrder("allergy-active", "allergy-null");
        assertThat(parsed.skipped()).containsEntry("AllergyIntolerance (resolved)", 1)
                .containsEntry("AllergyIntolerance (inactive)", 1);
    }

    @Test
    void mapsCodesStatusesAndDatesAsWritten() {
        ParsedBundle bundle = reader.read(FhirFixtures.syntheaText());
        ConditionEntry diabetes = bundle.entries().stream().filter(ConditionEntry.class::isInstance)
                .map(ConditionEntry.class::cast).filter(c -> "44054006".equals(c.coding().code())).findFirst().orElseThrow();
        assertThat(diabetes.coding().system()).isEqualTo("http://snomed.info/sct");
        assertThat(diabetes.coding().display()).isEqualTo("Diabetes");
        assertThat(diabetes.status()).isEqualTo(ConditionStatus.ACTIVE);
        assertThat(diabetes.onsetDate()).isEqualTo(LocalDate.of(2001, 11, 19));
        assertThat(diabetes.sourceId()).isEqualTo("bb93ac67-f7ba-4d92-a744-c6d016f776e9");

        assertThat(bundle.entries().stream().filter(MedicationEntry.class::isInstance).map(MedicationEntry.class::cast)
                .map(MedicationEntry::status)).containsExactlyInAnyOrder(MedicationStatus.ACTIVE, MedicationStatus.ACTIVE,
                        MedicationStatus.STOPPED);
        ObservationEntry height = bundle.entries().stream().filter(ObservationEntry.class::isInstance)
                .map(ObservationEntry.class::cast).filter(o -> "5d734610-9ea5-4027-8c6b-4ffd2de97242".equals(o.sourceId()))
                .findFirst().orElseThrow();
        assertThat(height.valueNumber()).isCloseTo(170.55, org.assertj.core.data.Offset.offset(0.01));
        assertThat(height.unit()).isEqualTo("cm");
        assertThat(bundle.entries().stream().filter(ObservationEntry.class::isInstance).map(ObservationEntry.class::cast)
                .filter(o -> o.valueText() != null && o.valueText().contains("Systolic"))).isNotEmpty();
    }

    @Test
    void rejectsAMalformedDateNamingTheEntry() {
        String bundle = FhirFixtures.withFirst("Condition", c -> c.put("onsetDateTime", "19-11-2001"));
        assertThatThrownBy(() -> reader.read(bundle)).isInstanceOfSatisfying(FhirBundleRejectedException.class, e -> {
            assertThat(e.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.field()).startsWith("entry[").contains("Condition/bb93ac67");
                assertThat(problem.message()).contains("19-11-2001");
            });
        });
    }

    @Test
    void rejectsAValueOfTheWrongJsonType() {
        String bundle = FhirFixtures.withFirst("Immunization", i -> i.put("primarySource", "yes-please"));
        assertThatThrownBy(() -> reader.read(bundle)).isInstanceOfSatisfying(FhirBundleRejectedException.class,
                e -> assertThat(e.problems()).extracting(FieldViolation::field)
                        .singleElement().asString().contains("Immunization"));
    }

    @Test
    void listsEveryProblemNotOnlyTheFirst() {
        String one = FhirFixtures.withFirst("Condition", c -> c.put("onsetDateTime", "yesterday"));
        var tree = FhirFixtures.synthea();
        try {
            tree = (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(one);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (var entry : tree.withArray("entry")) {
            var resource = (com.fasterxml.jackson.databind.node.ObjectNode) entry.get("resource");
            if ("Procedure".equals(resource.path("resourceType").asText())) {
                resource.remove("code");
                break;
            }
        }
        String two = tree.toString();
        assertThatThrownBy(() -> reader.read(two)).isInstanceOfSatisfying(FhirBundleRejectedException.class,
                e -> assertThat(e.problems()).hasSize(2));
    }

    @Test
    void toleratesElementsItDoesNotKnow() {
        String bundle = FhirFixtures.withFirst("Condition", c -> c.put("someFutureElement", "value"));
        assertThat(reader.read(bundle).entries()).hasSize(144);
    }

    @Test
    void rejectsABundleWithoutAPatient() {
        assertThatThrownBy(() -> reader.read(FhirFixtures.withoutPatient()))
                .isInstanceOf(FhirBundleRejectedException.class).hasMessageContaining("exactly one Patient, found 0");
    }

    @Test
    void rejectsABundleWithTwoPatients() {
        assertThatThrownBy(() -> reader.read(FhirFixtures.withSecondPatient()))
                .isInstanceOf(FhirBundleRejectedException.class).hasMessageContaining("exactly one Patient, found 2");
    }

    @Test
    void rejectsAnItemAboutAnotherPatient() {
        String bundle = FhirFixtures.withFirst("Condition",
                c -> c.putObject("subject").put("reference", "Patient/someone-else"));
        assertThatThrownBy(() -> reader.read(bundle)).isInstanceOf(FhirBundleRejectedException.class)
                .hasMessageContaining("Patient/someone-else");
    }

    @Test
    void acceptsCollectionBatchTransactionAndSearchsetButNotOtherTypes() {
        Function<String, String> ofType = type -> {
            var tree = FhirFixtures.synthea();
            tree.put("type", type);
            return tree.toString();
        };
        for (String type : new String[] {"collection", "batch", "transaction", "searchset"}) {
            assertThat(reader.read(ofType.apply(type)).entries()).as(type).hasSize(144);
        }
        assertThatThrownBy(() -> reader.read(ofType.apply("document"))).isInstanceOf(FhirBundleRejectedException.class)
                .hasMessageContaining("type").hasMessageContaining("document");
    }

    @Test
    void rejectsTextThatIsNotJsonOrNotABundle() {
        assertThatThrownBy(() -> reader.read("{\"resourceType\": \"Bundle\", ")).isInstanceOf(FhirBundleRejectedException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> reader.read("{\"resourceType\": \"Patient\"}")).isInstanceOf(FhirBundleRejectedException.class)
                .hasMessageContaining("expected \"Bundle\"");
    }

    @Test
    void rejectsAnEntryOfAnUnknownResourceType() {
        String bundle = FhirFixtures.withFirst("Condition", c -> c.put("resourceType", "Conditon"));
        // An unknown type is not one the appliance uses, so it is skipped, not parsed.
        assertThat(reader.read(bundle).skipped()).containsEntry("Conditon", 1);
    }
}
