package com.mediassist.core.summary;

import com.mediassist.core.knowledge.Finding;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which of the DDXPlus "do you take…" questions a medicine already taken can answer, by how it is taken (issue 16):
 * a cream, gel, ointment or drops on the skin, eye or ear acts there, and a dose given into a vein or muscle is given
 * in the clinic, so neither answers whether the patient takes corticosteroids (E_44) or antibiotics; and E_1 asks
 * about an oral antibiotic <em>for an ear infection</em>, answered only in a note that speaks of an ear.
 */
final class MedicineForms {

    private static final Pattern LOCAL_OR_GIVEN = Pattern.compile("(?iu)(?<![\\p{L}])(crema|cream|pomada|ointment|gel|"
            + "locion|loción|lotion|gotas|drops|colirio|eye ?drops|ear ?drops|[oó]tic[oa]?|oft[aá]lmic[oa]|t[oó]pic[oa]|"
            + "topical|transd[eé]rmic[oa]|parche|patch|vaginal|rectal|i\\.v\\.|iv|e\\.v\\.|ev|intravenos[oa]|intravenous|"
            + "i\\.m\\.|im|intramuscular)(?![\\p{L}])");
    private static final Pattern EAR = Pattern.compile("(?iu)(?<![\\p{L}])(ears?|o[ií]dos?|orejas?|otitis|otalgia|"
            + "earache|oma|aom|otorrea|otorrhoea|otorrhea|tympanic|t[ií]mpano|tm)(?![\\p{L}])");
    /** The evidence asking about the patient's own systemic treatment, which local and clinic-given forms do not answer. */
    private static final List<String> SYSTEMIC = List.of("E_44", "E_1");
    private static final String EAR_ANTIBIOTIC = "E_1";

    private MedicineForms() {
    }

    /**
     * The evidences of {@code answered} (what the medicine's classes answer) that this mention of it answers.
     *
     * @param medication the medicine as written
     * @param note       the whole note text
     */
    static List<Finding> answered(NoteMedication medication, List<Finding> answered, String note) {
        boolean local = LOCAL_OR_GIVEN.matcher(medication.text()).find()
                || medication.route() != null && LOCAL_OR_GIVEN.matcher(medication.route()).find();
        return answered.stream()
                .filter(f -> !(local && SYSTEMIC.contains(f.evidence().value())))
                .filter(f -> !EAR_ANTIBIOTIC.equals(f.evidence().value()) || EAR.matcher(note).find())
                .toList();
    }
}
