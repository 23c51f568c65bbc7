package com.mediassist.core.prevention;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Codes of a smoking history as records carry it: the LOINC smoking-status observation with a SNOMED CT
 * value, cigarette pack-years and the date the patient quit. Shared by the FHIR export/import and by the
 * profile builder, so that what the doctor records is read back the same way.
 */
public final class TobaccoCodes {

    /** LOINC code system URI. */
    public static final String LOINC = "http://loinc.org";
    /** SNOMED CT code system URI. */
    public static final String SNOMED = "http://snomed.info/sct";
    /** LOINC 72166-2 Tobacco smoking status. */
    public static final String STATUS_LOINC = "72166-2";
    /** SNOMED CT 401201003 Cigarette pack-years (US Core), the code the appliance writes. */
    public static final String PACK_YEARS_SNOMED = "401201003";
    /** Pack-years codes read: SNOMED CT 401201003 and 782516008, LOINC 8664-5 (reported pack-years). */
    public static final Set<String> PACK_YEARS = Set.of(PACK_YEARS_SNOMED, "782516008", "8664-5");
    /** LOINC 74010-0 Date quit tobacco smoking, the code the appliance writes. */
    public static final String QUIT_DATE_LOINC = "74010-0";
    /** Quit-date codes read: LOINC 74010-0 and SNOMED CT 160625004 (date ceased smoking). */
    public static final Set<String> QUIT_DATE = Set.of(QUIT_DATE_LOINC, "160625004");

    private static final Map<SmokingStatus, String[]> STATUS_SNOMED = Map.of(
            SmokingStatus.CURRENT, new String[] {"77176002", "Smoker"},
            SmokingStatus.FORMER, new String[] {"8517006", "Ex-smoker"},
            SmokingStatus.NEVER, new String[] {"266919005", "Never smoked tobacco"},
            SmokingStatus.UNKNOWN, new String[] {"266927001", "Tobacco smoking consumption unknown"});

    private TobaccoCodes() {
    }

    /** @return the SNOMED CT code and display of a status, e.g. {@code ["8517006", "Ex-smoker"]} */
    public static String[] statusSnomed(SmokingStatus status) {
        return STATUS_SNOMED.get(status).clone();
    }

    /**
     * Reads a smoking-status text ("Never smoker", "Former smoker", "Exfumador", "Fumador actual",
     * "Current every day smoker").
     *
     * @return {@link SmokingStatus#UNKNOWN} when the text says nothing recognisable
     */
    public static SmokingStatus statusFromText(String text) {
        if (text == null || text.isBlank()) {
            return SmokingStatus.UNKNOWN;
        }
        String t = com.mediassist.core.text.TextFold.fold(text).toLowerCase(Locale.ROOT);
        if (t.contains("never") || t.contains("nunca") || t.contains("no fumador") || t.contains("non-smoker")
                || t.contains("non smoker")) {
            return SmokingStatus.NEVER;
        }
        if (t.contains("former") || t.contains("ex-") || t.contains("exfumador") || t.contains("ex fumador")
                || t.contains("ex smoker")) {
            return SmokingStatus.FORMER;
        }
        if (t.contains("unknown") || t.contains("desconocido")) {
            return SmokingStatus.UNKNOWN;
        }
        if (t.contains("smoker") || t.contains("fumador") || t.contains("every day") || t.contains("some day")
                || t.contains("fuma")) {
            return SmokingStatus.CURRENT;
        }
        return SmokingStatus.UNKNOWN;
    }
}
