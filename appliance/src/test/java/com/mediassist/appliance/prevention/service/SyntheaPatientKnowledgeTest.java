package com.mediassist.appliance.prevention.service;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mediassist.appliance.fhir.FhirBundleReader;
import com.mediassist.appliance.fhir.FhirFixtures;
import com.mediassist.appliance.fhir.ParsedBundle;
import com.mediassist.appliance.medication.service.PatientClinicalData;
import com.mediassist.core.knowledge.Language;
import com.mediassist.core.medication.MedicationCheckRequest;
import com.mediassist.core.medication.MedicationCheckResult;
import com.mediassist.core.medication.MedicationChecker;
import com.mediassist.core.medication.MedicationKnowledge;
import com.mediassist.core.prevention.PreventiveCareEngine;
import com.mediassist.core.prevention.PreventiveCareReport;
import com.mediassist.core.prevention.PreventiveItem;
import com.mediassist.core.prevention.PreventiveStatus;
import com.mediassist.core.prevention.Programme;
import com.mediassist.store.history.HistoryItem;
import com.mediassist.store.history.HistoryKind;
import com.mediassist.store.patients.Patient;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The knowledge engines on a real Synthea FHIR record (SNOMED conditions, CVX vaccines, RxNorm texts). */
class SyntheaPatientKnowledgeTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    static Patient patient;
    static Map<HistoryKind, List<HistoryItem>> history;

    @BeforeAll
    static void readFixture() {
        ParsedBundle parsed = new FhirBundleReader(FhirContext.forR4Cached(), new ObjectMapper())
                .read(FhirFixtures.syntheaText());
        Instant now = TODAY.atStartOfDay().toInstant(ZoneOffset.UTC);
        patient = new Patient(1, parsed.patient().patientNumber(), parsed.patient().givenName(),
                parsed.patient().familyName(), parsed.patient().birthDate(), parsed.patient().sex(), now, now);
        history = new EnumMap<>(HistoryKind.class);
        long id = 1;
        for (var entry : parsed.entries()) {
            history.computeIfAbsent(entry.kind(), k -> new ArrayList<>()).add(new HistoryItem(id++, 1, now, entry));
        }
    }

    @Test
    void recognisesEveryActiveMedicationAndTheDiabetesOfTheRecord() {
        MedicationKnowledge knowledge = MedicationKnowledge.loadDefault();
        PatientClinicalData data = PatientClinicalData.from(history, knowledge.conditions());
        assertThat(data.medications()).hasSize(2);
        MedicationCheckResult r = new MedicationChecker(knowledge).check(new MedicationCheckRequest(
                data.medications(), data.allergies(), data.conditions(), data.egfr(), Language.ES));
        assertThat(r.unknown()).isEmpty();
        assertThat(r.medications()).flatExtracting(m -> m.keys().stream().map(Object::toString).toList())
                .containsExactlyInAnyOrder("metformin", "diphenhydramine");
        assertThat(data.conditions()).contains("http://snomed.info/sct|44054006");
    }

    @Test
    void computesPreventiveCareFromSnomedAndCvxCodes() {
        PreventiveCareEngine engine = PreventiveCareEngine.loadDefault(
                Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        PreventiveCareReport report = engine.evaluate(PreventiveCareService.profile(patient, history),
                Programme.PAPPS, Language.ES);
        assertThat(report.ageYears()).isEqualTo(50);
        assertThat(item(report, "colorectal-cancer-screening").status()).isEqualTo(PreventiveStatus.DUE);
        assertThat(item(report, "diabetes-screening").status()).isEqualTo(PreventiveStatus.NOT_APPLICABLE);
        PreventiveItem td = item(report, "tetanus-diphtheria");
        assertThat(td.status()).isEqualTo(PreventiveStatus.UP_TO_DATE);
        assertThat(td.nextDate()).isEqualTo(LocalDate.of(2027, 12, 11));
        PreventiveItem flu = item(report, "influenza-vaccine");
        assertThat(flu.status()).isEqualTo(PreventiveStatus.DUE);
        assertThat(flu.lastDone()).isEqualTo(LocalDate.of(2020, 9, 7));
        assertThat(item(report, "aaa-screening").status()).isEqualTo(PreventiveStatus.NOT_APPLICABLE);
    }

    private static PreventiveItem item(PreventiveCareReport r, String id) {
        return r.items().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }
}
