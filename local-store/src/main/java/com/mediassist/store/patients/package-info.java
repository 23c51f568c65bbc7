/**
 * Patients' demographics: create, read, update, and search by name fragment or patient number,
 * ignoring case and accents (through {@link com.mediassist.core.text.TextFold}).
 */
package com.mediassist.store.patients;
