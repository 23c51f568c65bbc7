/**
 * Consultation summary in the appliance: the shared {@link com.mediassist.core.summary.SummaryExtractor}
 * loaded once at start-up, its typed configuration, and the export of a signed-off structured note
 * as a FHIR R4 document Bundle (Composition, Conditions, Observations, MedicationStatements,
 * AllergyIntolerances) built with HAPI FHIR.
 */
package com.mediassist.appliance.summary.service;
