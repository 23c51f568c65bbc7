/**
 * Signed consultation notes as a patient's record carries them between systems: the appliance's own
 * signed consultations and the notes imported from another box or EHR (FHIR Compositions).
 */
package com.mediassist.store.notes;
