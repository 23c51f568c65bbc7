/**
 * Section detection: headings as doctors write them ("MC:", "EF:", "Juicio clínico:", "Plan:",
 * "PMH:"; medspaCy's section patterns extended for Spanish primary care), and for text without
 * headings, sentence cues ("a la exploración", "se pauta", "acude por").
 */
package com.mediassist.core.summary.sections;
