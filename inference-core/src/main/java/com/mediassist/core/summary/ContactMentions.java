package com.mediassist.core.summary;

import java.util.Set;

/**
 * Someone the patient lives, works or studies with who is not a relative ("Roommate had the flu", "Flatmate has flu",
 * "varios compañeros con catarro", "novia con mononucleosis"): an acute infectious complaint written after such a
 * person is theirs, and for the patient it answers DDXPlus' contact question (E_41, contact with a person with
 * similar symptoms in the past two weeks), not the complaint itself.
 */
final class ContactMentions {

    /** Folded nouns naming a contact who is not a relative (relatives are read as family history). */
    private static final Set<String> CONTACTS = Set.of("roommate", "roommates", "flatmate", "flatmates", "housemate",
            "housemates", "classmate", "classmates", "coworker", "coworkers", "colleague", "colleagues", "partner",
            "girlfriend", "boyfriend", "friend", "friends", "contact", "contacts", "outbreak",
            "companero", "companeros", "companera", "companeras", "novio", "novia", "pareja", "amigo", "amigos", "amiga",
            "amigas", "contacto", "contactos", "brote", "conviviente", "convivientes");
    /** Words looked back from the complaint for the contact ("compañeros de clase con catarro"). */
    private static final int REACH = 4;

    private ContactMentions() {
    }

    /**
     * Whether a contact is named in the few words before {@code first} in its sentence.
     *
     * @param words         the folded words of the note, {@code null} at punctuation
     * @param first         the complaint's first word
     * @param sentenceStart the first word of its sentence
     */
    static boolean before(String[] words, int first, int sentenceStart) {
        for (int k = first - 1; k >= Math.max(sentenceStart, first - REACH); k--) {
            if (words[k] == null) {
                return false;
            }
            if (CONTACTS.contains(words[k])) {
                return true;
            }
        }
        return false;
    }
}
