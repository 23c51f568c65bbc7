package com.mediassist.appliance.summary.rest;

import com.mediassist.core.summary.StructuredNote;

/**
 * Body of {@code POST /api/v1/summary/fhir}: a structured note as returned by
 * {@code POST /api/v1/summary} and reviewed by the doctor, with who signed it off and when.
 *
 * @param note     the structured note
 * @param patient  FHIR reference of the patient, {@code Patient/<id>}
 * @param author   who signed the note off (name or user id)
 * @param signedAt sign-off time, ISO-8601 instant ({@code 2026-11-24T09:30:00Z})
 */
public record FhirExportRequest(StructuredNote note, String patient, String author, String signedAt) {
}
