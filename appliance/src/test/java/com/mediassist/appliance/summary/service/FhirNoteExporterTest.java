package com.mediassist.appliance.summary.service;

import com.mediassist.core.knowledge.Language;
import com.mediassist.core.summary.StructuredNote;
import com.mediassist.core.summary.SummaryExtractor;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FhirNoteExporterTest {

    private static final SummaryExtractor EXTRACTOR = SummaryExtractor.loadDefault();
    private final FhirNoteExporter exporter = new FhirNoteExporter();

    private Bundle export(String text) {
        StructuredNote note = EXTRACTOR.extract(text, Language.ES);
        String json = exporter.toJson(new FhirNoteExporter.SignedNote(note, "Patient/9", "Dr. Gil",
                Instant.parse("2026-11-24T08:00:00Z")));
        return exporter.parse(json);
    }

    private static <T extends Resource> List<T> all(Bundle b, Class<T> type) {
        return b.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void writesADocumentWhoseCompositionSectionsReferenceItsResources() {
        Bundle b = export("MC: tos.\nAP: HTA.\nTto habitual: enalapril 10 mg cada 24 h.\nEF: TA 150/95, FC 600 lpm.\n"
                + "JC: bronquitis aguda.\nPlan: ibuprofeno 600 mg cada 8 horas.");
        assertThat(b.getType()).isEqualTo(Bundle.BundleType.DOCUMENT);
        assertThat(b.getTimestamp()).isEqualTo(java.util.Date.from(Instant.parse("2026-11-24T08:00:00Z")));
        Composition c = (Composition) b.getEntryFirstRep().getResource();
        assertThat(c.getAuthorFirstRep().getDisplay()).isEqualTo("Dr. Gil");
        assertThat(c.getSection()).extracting(s -> s.getCode().getCodingFirstRep().getCode())
                .contains("29299-5", "11348-0", "10160-0", "29545-1", "51848-0", "18776-5");
        List<String> fullUrls = b.getEntry().stream().map(Bundle.BundleEntryComponent::getFullUrl).toList();
        c.getSection().forEach(s -> s.getEntry().forEach(r -> assertThat(fullUrls).contains(r.getReference())));

        List<MedicationStatement> meds = all(b, MedicationStatement.class);
        assertThat(meds).extracting(m -> m.getMedicationCodeableConcept().getText() + ":" + m.getStatus().toCode())
                .containsExactly("enalapril:active", "ibuprofeno:intended");

        List<Observation> obs = all(b, Observation.class);
        Observation heartRate = obs.stream().filter(o -> o.getCode().getCodingFirstRep().getCode().equals("8867-4")).findFirst().orElseThrow();
        assertThat(heartRate.getValueQuantity().getValue().intValue()).isEqualTo(600);
        assertThat(heartRate.getNote()).anySatisfy(n -> assertThat(n.getText()).contains("implausible"));
        Observation bp = obs.stream().filter(o -> o.getCode().getCodingFirstRep().getCode().equals("85354-9")).findFirst().orElseThrow();
        assertThat(bp.getComponent()).extracting(x -> x.getCode().getCodingFirstRep().getCode()).containsExactly("8480-6", "8462-4");
        assertThat(bp.getInterpretationFirstRep().getCodingFirstRep().getCode()).isEqualTo("A");

        assertThat(all(b, Condition.class)).extracting(x -> x.getCode().getText()).contains("HTA");
    }

    @Test
    void keepsRelativesConditionsOutOfThePatientsResourcesAndRefutesDeniedOnes() {
        Bundle b = export("EA: niega fiebre. Madre con asma.\nJC: no neumonía.");
        assertThat(all(b, Condition.class)).extracting(x -> x.getCode().getText() + ":" + x.getVerificationStatus().getCodingFirstRep().getCode())
                .containsExactly("neumonía:refuted");
        assertThat(all(b, Observation.class)).extracting(x -> x.getCode().getText() + ":" + x.getValueBooleanType().booleanValue())
                .containsExactly("fiebre:false");
    }
}
