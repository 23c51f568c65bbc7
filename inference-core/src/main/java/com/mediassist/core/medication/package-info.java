/**
 * Medicines and medication safety checks.
 *
 * <p>{@link com.mediassist.core.medication.MedicineDictionary#loadDefault()} loads the shipped
 * dictionary (about 450 primary-care ingredients with Spanish DCI, English INN, ATC code and DrugBank
 * id, about 380 Spanish brand names mapped to every ingredient of combination products, plus the
 * English names of the interaction table). {@code match(String typed)} resolves one typed medication
 * into a {@link com.mediassist.core.medication.MedicationMatch} (input, ingredients, matched, how:
 * exact / brand / typo); {@code findMentions(String text)} finds medicine names inside free text as
 * {@link com.mediassist.core.medication.MedicationMention}s with character spans (longest match,
 * accent- and case-insensitive, small typos on words of five letters or more, combinations such as
 * "amoxicilina/clavulánico 875/125", brand names). A name that is not recognised is never dropped:
 * callers report it as unknown. {@link com.mediassist.core.medication.MedicationChecker} runs the
 * drug–drug, drug–allergy, drug–condition and duplicate-therapy checks on matched medications.
 */
package com.mediassist.core.medication;
