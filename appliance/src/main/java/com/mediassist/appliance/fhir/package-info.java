/**
 * FHIR R4 import and export with HAPI FHIR: a bundle of one patient's record is read into the
 * store's records (lenient about unknown elements, strict about malformed values, unused resource
 * types skipped and counted) and stored in one transaction; a patient is exported back as a
 * collection Bundle that re-imports without duplicates.
 */
package com.mediassist.appliance.fhir;
