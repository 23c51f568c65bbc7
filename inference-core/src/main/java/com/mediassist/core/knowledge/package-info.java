/**
 * The DDXPlus clinical knowledge a model bundle carries: evidences (questions with their values in
 * Spanish and English), pathologies (names, ICD-10, severity, possible evidences) and the
 * per-pathology evidence frequencies used by the fallback, the explanations and the next-question
 * planner. Codes are types so that an evidence cannot be passed where a pathology is expected.
 */
package com.mediassist.core.knowledge;
