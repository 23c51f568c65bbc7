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
 */
public record DiagnosisRequest(Integer age, String sex, List<String> evidences, List<String> absent, String language) {
}
