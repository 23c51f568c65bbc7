package com.mediassist.appliance.diagnosis.rest;

import java.util.List;

/**
 * Body of {@code POST /api/v1/diagnosis}.
 *
 * @param age       years, 0–120
 * @param sex       {@code M} or {@code F}
 * @param evidences present findings in DDXPlus notation ({@code E_53}, {@code E_54_@_V_161}, {@code E_56_@_7})
 * @param absent    evidence codes asked and answered "no"
 * @param language  {@code es} (default) or {@code en}
 * @param unmappedFindings findings without a DDXPlus evidence (the summary's {@code unmappedFindings}, or
 *                  free text), at most {@value #MAX_UNMAPPED} of at most {@value #MAX_UNMAPPED_CHARS}
 *                  characters each; optional. They count against the answer's fit.
 */
public record DiagnosisRequest(Integer age, String sex, List<String> evidences, List<String> absent, String language,
                               List<String> unmappedFindings) {

    /** Most unmapped findings accepted. */
    public static final int MAX_UNMAPPED = 50;
    /** Longest unmapped finding accepted, in characters. */
    public static final int MAX_UNMAPPED_CHARS = 200;

    /** A request without unmapped findings. */
    public DiagnosisRequest(Integer age, String sex, List<String> evidences, List<String> absent, String language) {
        this(age, sex, evidences, absent, language, null);
    }
}
