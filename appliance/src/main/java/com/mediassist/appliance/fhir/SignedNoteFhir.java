package com.mediassist.appliance.fhir;

import com.mediassist.store.notes.SignedNote;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import java.util.HexFormat;
import java.util.TimeZone;
import java.util.regex.Pattern;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.utilities.xhtml.NodeType;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;

/**
 * A signed consultation note as a FHIR {@code Composition} (LOINC 11488-4 consult note, status final):
 * the note text in one section and the final diagnosis in another, each as a {@code <pre>} narrative
 * so that line breaks survive. The uid is the resource id and an identifier in
 * {@link FhirBundleWriter#ITEM_SYSTEM}.
 */
final class SignedNoteFhir {

    static final String LOINC = "http://loinc.org";
    static final String CONSULT_NOTE = "11488-4";
    static final String NOTE_SECTION = "51847-2";
    static final String DIAGNOSIS_SECTION = "29548-5";
    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private SignedNoteFhir() {
    }

    static Composition composition(SignedNote note, Reference subject) {
        Composition c = new Composition();
        c.setId(FHIR_ID.matcher(note.uid()).matches() ? note.uid() : "mediassist-note-" + digest(note.uid()));
        c.setIdentifier(new Identifier().setSystem(FhirBundleWriter.ITEM_SYSTEM).setValue(note.uid()));
        c.setStatus(Composition.CompositionStatus.FINAL);
        c.setType(new CodeableConcept(new org.hl7.fhir.r4.model.Coding(LOINC, CONSULT_NOTE, "Consult note")));
        c.setSubject(subject);
        c.setDateElement(new DateTimeType(Date.from(note.signedAt()), TemporalPrecisionEnum.MILLI,
                TimeZone.getTimeZone("UTC")));
        c.addAuthor(new Reference().setDisplay(note.author()));
        c.setTitle(note.title());
        if (!note.text().isBlank()) {
            c.addSection(section("Nota", NOTE_SECTION, "Evaluation note", note.text()));
        }
        if (note.diagnosis() != null) {
            c.addSection(section("Diagnóstico final", DIAGNOSIS_SECTION, "Diagnosis Narrative", note.diagnosis()));
        }
        return c;
    }

    /** The text of the section with that LOINC code, or {@code null}. */
    static String sectionText(Composition c, String loinc) {
        for (Composition.SectionComponent s : c.getSection()) {
            boolean match = s.getCode().getCoding().stream().anyMatch(x -> loinc.equals(x.getCode()));
            if (match && s.hasText() && s.getText().hasDiv()) {
                return text(s.getText().getDiv());
            }
        }
        return null;
    }

    private static Composition.SectionComponent section(String title, String code, String display, String text) {
        XhtmlNode div = new XhtmlNode(NodeType.Element, "div");
        div.setAttribute("xmlns", "http://www.w3.org/1999/xhtml");
        div.addTag("pre").addText(text);
        Narrative narrative = new Narrative().setStatus(Narrative.NarrativeStatus.GENERATED);
        narrative.setDiv(div);
        return new Composition.SectionComponent().setTitle(title)
                .setCode(new CodeableConcept(new org.hl7.fhir.r4.model.Coding(LOINC, code, display)))
                .setText(narrative);
    }

    private static String text(XhtmlNode div) {
        for (XhtmlNode child : div.getChildNodes()) {
            if (child.getNodeType() == NodeType.Element && "pre".equals(child.getName())) {
                return child.allText();
            }
        }
        return div.allText();
    }

    private static String digest(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
