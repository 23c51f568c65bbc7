/**
 * REST edge of the consultation summary: {@code POST /api/v1/summary} (free text to structured note)
 * and {@code POST /api/v1/summary/fhir} (signed-off note to FHIR R4 Bundle). Failures become RFC 9457
 * problem details.
 */
package com.mediassist.appliance.summary.rest;
