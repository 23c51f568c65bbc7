package com.mediassist.core.summary;

import com.mediassist.core.fit.UnmappedConcept;
import com.mediassist.core.fit.UnmappedConcepts;
import com.mediassist.core.knowledge.Language;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The uncoded findings of the body systems the 49 DDXPlus conditions do not cover (issue 21): the note reader
 * reports them as unmapped findings, every form of {@code summary/unmapped-lexicon.tsv} is reachable, and the
 * forms DDXPlus does encode (diarrhoea, lumbar pain, rash, anxiety …) stay coded evidence.
 */
class UnmappedFindingsCoverageTest {

    private static final SummaryExtractor EXTRACTOR = SummaryExtractor.loadDefault();
    private static final UnmappedConcepts CONCEPTS = UnmappedConcepts.loadDefault();

    private static StructuredNote es(String text) {
        return EXTRACTOR.extract(text, Language.ES);
    }

    private static StructuredNote en(String text) {
        return EXTRACTOR.extract(text, Language.EN);
    }

    @Test
    void everyUnmappedFormWrittenAloneIsReadAsItsConceptAndNoneIsADdxplusEvidenceForm() throws IOException {
        List<String> unread = new ArrayList<>();
        int forms = 0;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("summary/unmapped-lexicon.tsv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] c = line.split("\t");
                if (line.startsWith("#") || c.length != 3 || "-".equals(c[0])) {
                    continue;
                }
                forms++;
                Language lang = "es".equals(c[1]) ? Language.ES : Language.EN;
                UnmappedConcept concept = CONCEPTS.byId(c[0]).orElseThrow();
                StructuredNote n = EXTRACTOR.extract(c[2] + ".", lang);
                if (!n.unmappedFindings().contains(concept.label(lang)) || !n.evidences().isEmpty()) {
                    unread.add(c[2] + " -> " + n.unmappedFindings() + " " + n.evidences());
                }
            }
        }
        assertThat(forms).isGreaterThan(1000);
        assertThat(unread).isEmpty();
    }

    @Test
    void maleGenitalAndLowerUrinaryFindingsAreUnmapped() {
        assertThat(es("Varón 28a con testículo inflamado y secreción uretral desde hace 3 días.").unmappedFindings())
                .contains("tumefacción testicular", "secreción uretral");
        assertThat(en("Tender prostate on DRE, urinary retention with a palpable bladder.").unmappedFindings())
                .contains("prostate disease", "urinary retention");
    }

    @Test
    void bowelAndAbdominalSignsAreUnmapped() {
        assertThat(es("Dolor en FID, McBurney positivo, Rovsing positivo. JC: apendicitis aguda.").unmappedFindings())
                .contains("signos apendiculares");
        assertThat(en("Anal pain on defecation, haemorrhoids on inspection, tenesmus.").unmappedFindings())
                .contains("anal fissure or haemorrhoids", "rectal tenesmus");
        assertThat(en("Hyperactive bowel sounds. A: viral gastroenteritis.").unmappedFindings()).contains("gastroenteritis");
    }

    @Test
    void musculoskeletalFindingsAreUnmappedButLumbarPainStaysADdxplusPainLocation() {
        assertThat(en("Shooting pain down the leg, SLR positive at 40 degrees. A: sciatica.").unmappedFindings())
                .contains("radicular pain");
        assertThat(es("Se torció el tobillo jugando al fútbol, reglas de Ottawa negativas.").unmappedFindings())
                .contains("traumatismo de tobillo");
        assertThat(es("Coxalgia derecha con limitación de la flexión. Tendinitis del manguito rotador.").unmappedFindings())
                .contains("coxalgia o coxartrosis", "movilidad articular limitada", "tendinopatía");
        StructuredNote lumbar = es("Dolor lumbar desde hace 3 días.");
        assertThat(lumbar.evidences()).extracting(Object::toString).contains("E_55_@_V_40");
        assertThat(lumbar.unmappedFindings()).isEmpty();
        assertThat(en("Low back pain for a week.").unmappedFindings()).isEmpty();
    }

    @Test
    void skinFindingsAreUnmappedButARashStaysADdxplusSkinLesion() {
        assertThat(en("Spreading redness, warm to touch, fluctuant area. Dx cellulitis with abscess.").unmappedFindings())
                .contains("cellulitis or skin abscess");
        assertThat(es("Pústulas en la cara y placas descamativas en los codos.").unmappedFindings())
                .contains("pústulas", "placas descamativas");
        assertThat(es("Lesiones que pican mucho por todo el tronco.").unmappedFindings()).contains("prurito");
        StructuredNote rash = en("Rash on the trunk.");
        assertThat(rash.evidences()).extracting(Object::toString).contains("E_129");
        assertThat(rash.unmappedFindings()).isEmpty();
    }

    @Test
    void sleepEndocrineEyeDentalGynaecologyEarAndVascularFindingsAreUnmapped() {
        assertThat(en("Loud snoring and excessive daytime sleepiness, Epworth 16.").unmappedFindings())
                .contains("snoring", "daytime sleepiness");
        assertThat(en("Heat intolerance, diffuse goiter, suppressed TSH.").unmappedFindings())
                .contains("heat intolerance", "goitre", "abnormal thyroid tests");
        assertThat(es("Sensación de cuerpo extraño en el ojo derecho tras amolar, orzuelo en el izquierdo.").unmappedFindings())
                .contains("cuerpo extraño ocular", "lesión palpebral");
        assertThat(es("Dolor de muelas con flemón y encías inflamadas.").unmappedFindings())
                .contains("dolor dental", "absceso dental");
        assertThat(en("Pelvic pain and dyspareunia; breast lump in the left breast.").unmappedFindings())
                .contains("pelvic pain", "breast lump");
        assertThat(es("Dolor a la presión del trago, CAE edematoso. JC: otitis externa.").unmappedFindings())
                .contains("conducto auditivo alterado");
        assertThat(es("Oye mal por el oído derecho: tapón de cerumen.").unmappedFindings())
                .contains("hipoacusia", "tapón de cerumen");
        assertThat(en("Varicose veins on both legs, absent pedal pulses.").unmappedFindings())
                .contains("varicose veins", "peripheral arterial disease");
    }

    @Test
    void ddxplusEvidenceFormsOfTheseSystemsStayCoded() {
        assertThat(es("Diarrea y rectorragia desde ayer.").evidences()).extracting(Object::toString).contains("E_51", "E_179");
        assertThat(es("Diarrea y rectorragia desde ayer.").unmappedFindings()).isEmpty();
        assertThat(en("Melena and bloating.").evidences()).extracting(Object::toString).contains("E_140", "E_30");
        assertThat(es("Refiere ansiedad y está embarazada.").unmappedFindings()).isEmpty();
        assertThat(es("Tortícolis.").evidences()).extracting(Object::toString).contains("E_192");
        assertThat(en("History of migraine.").unmappedFindings()).isEmpty();
        assertThat(es("Hinchazón de tobillos por las tardes.").evidences()).extracting(Object::toString).contains("E_151");
        // pain at a place DDXPlus asks about (testicle, anus, hip, hypochondrium, breast) is a coded pain location
        for (String pain : new String[] {"Dolor testicular derecho.", "Dolor anal.", "Dolor en la cadera derecha.",
                "Dolor en hipocondrio derecho.", "Dolor en la mama izquierda."}) {
            assertThat(es(pain).evidences()).extracting(Object::toString).as(pain).contains("E_53");
            assertThat(es(pain).unmappedFindings()).as(pain).isEmpty();
        }
    }

    @Test
    void aWordOneLetterFromANewFormIsNotReadAsIt() {
        // "carries" is one letter from "caries": no bare "caries" form, so the typo corrector cannot turn it into toothache
        assertThat(en("Chest pressure when he walks uphill or carries groceries.").unmappedFindings()).isEmpty();
        // "ronca" is also "hoarse" in Spanish: snoring needs "ronquidos"
        assertThat(es("Está ronca desde ayer.").unmappedFindings()).isEmpty();
    }
}
