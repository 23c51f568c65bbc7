/**
 * Consultation summary: turns a doctor's free-text note (Spanish or English) into a structured note
 * with sections, findings and their ConText status (present, denied, historical, family,
 * hypothetical), DDXPlus evidence codes, medications with dose/route/frequency, allergies and vital
 * signs with plausibility flags. Every item carries the {@link com.mediassist.core.summary.Span} of
 * the source characters it came from. Entry point: {@link com.mediassist.core.summary.SummaryExtractor}.
 */
package com.mediassist.core.summary;
