/**
 * Evaluation of the consultation-summary extractor against the annotated gold notes:
 * precision, recall and F1 per field (findings, findings with status, negation, evidence codes,
 * medications and their dose/route/frequency, vitals, allergies), and the {@code evaluate-summary}
 * command that prints them.
 */
package com.mediassist.models.summary;
