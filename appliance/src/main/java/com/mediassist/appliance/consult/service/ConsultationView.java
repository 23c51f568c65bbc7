package com.mediassist.appliance.consult.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A consultation as the UI sees it.
 *
 * @param id             consultation id
 * @param patientId      the patient
 * @param doctor         username of the doctor who started it
 * @param startedAt      when it started
 * @param signedOffAt    when it was signed off, null while open
 * @param note           the free-text note
 * @param evidences      the evidences recorded with the picker and the next questions (UI objects)
 * @param prescriptions  the medicines as typed
 * @param overrides      interrupting alerts the doctor overrode, with the reasons
 * @param finalDiagnosis the final diagnosis ({@code code}, {@code name}), null until sign-off
 * @param summaryText    the signed structured note's text, null until sign-off
 */
public record ConsultationView(long id, long patientId, String doctor, Instant startedAt, Instant signedOffAt,
        String note, JsonNode evidences, List<String> prescriptions, JsonNode overrides, JsonNode finalDiagnosis,
        String summaryText) {
}
