package com.mediassist.core.summary;

import com.mediassist.core.knowledge.Language;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Writes the readable summary of a structured note in the note's language. */
final class SummaryWriter {

    private static final int MAX_QUOTE = 160;

    private SummaryWriter() {
    }

    static String write(Language lang, List<NoteSection> sections, List<Finding> findings,
                        List<NoteMedication> meds, List<Allergy> allergies, List<Vital> vitals) {
        boolean es = lang == Language.ES;
        List<String> lines = new ArrayList<>();
        quote(lines, sections, SectionKind.REASON_FOR_VISIT, lang);
        list(lines, es ? "Presenta" : "Present", names(findings, FindingStatus.PRESENT));
        list(lines, es ? "Niega" : "Denies", names(findings, FindingStatus.DENIED));
        list(lines, es ? "Antecedentes" : "History", names(findings, FindingStatus.HISTORICAL));
        list(lines, es ? "Antecedentes familiares" : "Family history", names(findings, FindingStatus.FAMILY));
        list(lines, es ? "A vigilar / descartar" : "To watch / rule out", names(findings, FindingStatus.HYPOTHETICAL));
        Set<String> medTexts = new LinkedHashSet<>();
        for (NoteMedication m : meds) {
            if (m.status() == FindingStatus.PRESENT) {
                medTexts.add(m.text());
            }
        }
        list(lines, es ? "Medicación" : "Medications", medTexts);
        Set<String> allergyTexts = new LinkedHashSet<>();
        boolean noneKnown = false;
        for (Allergy a : allergies) {
            if (a.status() == FindingStatus.PRESENT) {
                allergyTexts.add(a.substance());
            } else {
                noneKnown = true;
            }
        }
        if (allergyTexts.isEmpty() && noneKnown) {
            allergyTexts.add(es ? "no conocidas" : "none known");
        }
        list(lines, es ? "Alergias" : "Allergies", allergyTexts);
        Set<String> vitalTexts = new LinkedHashSet<>();
        for (Vital v : vitals) {
            String flag = switch (v.flag()) {
                case NORMAL -> "";
                case OUT_OF_RANGE -> es ? " (fuera de rango)" : " (out of range)";
                case IMPLAUSIBLE -> es ? " (valor imposible, revisar)" : " (implausible, check)";
            };
            vitalTexts.add(v.text().strip() + flag);
        }
        list(lines, es ? "Constantes" : "Vital signs", vitalTexts);
        quote(lines, sections, SectionKind.ASSESSMENT, lang);
        quote(lines, sections, SectionKind.PLAN, lang);
        return String.join("\n", lines);
    }

    private static Set<String> names(List<Finding> findings, FindingStatus status) {
        Set<String> out = new LinkedHashSet<>();
        for (Finding f : findings) {
            if (f.status() == status) {
                out.add(f.text().toLowerCase(Locale.ROOT).strip());
            }
        }
        return out;
    }

    private static void list(List<String> lines, String label, Set<String> items) {
        if (!items.isEmpty()) {
            lines.add(label + ": " + String.join(", ", items) + ".");
        }
    }

    private static void quote(List<String> lines, List<NoteSection> sections, SectionKind kind, Language lang) {
        for (NoteSection s : sections) {
            if (s.kind() == kind) {
                String body = s.heading() == null ? s.text() : s.text().substring(Math.min(s.text().length(),
                        s.text().indexOf(s.heading()) + s.heading().length())).replaceFirst("^\\s{0,3}:?\\s{0,3}", "");
                body = body.replace('\n', ' ').strip();
                if (body.length() > MAX_QUOTE) {
                    body = body.substring(0, MAX_QUOTE).strip() + "…";
                }
                if (!body.isEmpty()) {
                    lines.add(kind.title(lang) + ": " + body);
                }
                return;
            }
        }
    }
}
