package com.mediassist.core.prevention;

import com.mediassist.core.text.TextFold;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a smoking history written in a consultation note, Spanish or English: the status ("exfumador",
 * "never smoked", "fumador de 20 cigarrillos"), the pack-years ("30 paquetes-año", "25 pack-years") and
 * the quit date ("dejó de fumar en 2009", "exfumadora desde 03/2012", "quit smoking 5 years ago").
 * Stateless and thread-safe.
 */
public final class SmokingNoteReader {

    /**
     * What a note says about smoking; each part may be missing.
     *
     * @param status    {@link SmokingStatus#UNKNOWN} when the note says nothing
     * @param packYears pack-years, or {@code null}
     * @param quitDate  when the patient quit (first day of the month or year when only those are given), or {@code null}
     */
    public record Facts(SmokingStatus status, Double packYears, LocalDate quitDate) {
        /** @return whether the note said anything about smoking */
        public boolean any() {
            return status != SmokingStatus.UNKNOWN || packYears != null || quitDate != null;
        }
    }

    private static final Pattern PACK_YEARS = Pattern.compile(
            "(\\d{1,3}(?:[.,]\\d+)?)\\s*(?:paquetes?[ -]?anos?|paq[ /-]?anos?|pack[ -]?years?|packs? per year|p/a|ipa)\\b");
    private static final Pattern QUIT_ABSOLUTE = Pattern.compile(
            "(?:dejo de fumar|dejo el tabaco|exfumador(?:a)?|ex[- ]fumador(?:a)?|quit smoking|stopped smoking|ex[- ]smoker"
                    + "|former smoker)\\s*(?:en|in|el|since|desde|hace)?\\s*(?:(\\d{1,2})[/-])?(\\d{4})\\b");
    private static final Pattern QUIT_RELATIVE = Pattern.compile(
            "(?:dejo de fumar|dejo el tabaco|exfumador(?:a)?|ex[- ]fumador(?:a)?|quit smoking|stopped smoking|ex[- ]smoker"
                    + "|former smoker)[^.;\\n]{0,20}?(?:hace\\s+(\\d{1,2})\\s+anos|(\\d{1,2})\\s+years?\\s+ago)");
    private static final Pattern NEVER = Pattern.compile(
            "\\b(?:nunca ha fumado|no fumador(?:a)?|never smoked|never smoker|non[- ]?smoker|niega (?:habito tabaquico|tabaquismo|tabaco))\\b");
    private static final Pattern FORMER = Pattern.compile(
            "\\b(?:exfumador(?:a)?|ex[- ]fumador(?:a)?|dejo de fumar|dejo el tabaco|former smoker|ex[- ]smoker|quit smoking"
                    + "|stopped smoking)\\b");
    private static final Pattern CURRENT = Pattern.compile(
            "\\b(?:fumador(?:a)?|tabaquismo activo|fuma \\d|smoker|smokes|current smoker)\\b");

    private SmokingNoteReader() {
    }

    /**
     * @param text     the note
     * @param noteDate when it was written ("5 years ago" counts back from it)
     */
    public static Facts read(String text, LocalDate noteDate) {
        if (text == null || text.isBlank()) {
            return new Facts(SmokingStatus.UNKNOWN, null, null);
        }
        String t = TextFold.fold(text);
        SmokingStatus status = NEVER.matcher(t).find() ? SmokingStatus.NEVER
                : FORMER.matcher(t).find() ? SmokingStatus.FORMER
                : CURRENT.matcher(t).find() ? SmokingStatus.CURRENT : SmokingStatus.UNKNOWN;
        Double packYears = null;
        Matcher m = PACK_YEARS.matcher(t);
        if (m.find()) {
            packYears = Double.parseDouble(m.group(1).replace(',', '.'));
        }
        LocalDate quit = null;
        Matcher q = QUIT_ABSOLUTE.matcher(t);
        if (q.find()) {
            int year = Integer.parseInt(q.group(2));
            int month = q.group(1) == null ? 1 : Integer.parseInt(q.group(1));
            if (month >= 1 && month <= 12 && year >= 1900 && (noteDate == null || year <= noteDate.getYear())) {
                quit = LocalDate.of(year, month, 1);
            }
        } else {
            Matcher r = QUIT_RELATIVE.matcher(t);
            if (r.find() && noteDate != null) {
                quit = noteDate.minusYears(Integer.parseInt(r.group(1) != null ? r.group(1) : r.group(2)));
            }
        }
        if (quit != null && status == SmokingStatus.UNKNOWN) {
            status = SmokingStatus.FORMER;
        }
        return new Facts(status, packYears, quit);
    }
}
