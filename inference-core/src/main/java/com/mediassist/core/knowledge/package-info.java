/**
 * Clinical knowledge shared by the engines. The DDXPlus knowledge a model bundle carries: evidences
 * (questions with their values in Spanish and English), pathologies (names, ICD-10, severity,
 * possible evidences) and the per-pathology evidence frequencies used by the fallback, the
 * explanations and the next-question planner; codes are types so that an evidence cannot be passed
 * where a pathology is expected. Also the plumbing of the deterministic knowledge engines: the
 * bilingual text and language types, the reader for the CSV knowledge tables shipped under
 * {@code knowledge/} in the class path, and the knowledge exceptions. Knowledge files name a source
 * on every row; loaders refuse rows without one.
 */
package com.mediassist.core.knowledge;
