/**
 * Medication checks in the appliance: answers from the active knowledge set
 * ({@link com.mediassist.appliance.knowledge.ActiveKnowledge}), and adds a stored patient's
 * medications, allergies, conditions and latest eGFR to a check, writing an audit row for the read
 * ({@link com.mediassist.appliance.medication.service.MedicationCheckService}).
 */
package com.mediassist.appliance.medication.service;
