/**
 * Shared plumbing of the deterministic knowledge engines: the bilingual text and language types,
 * the reader for the CSV knowledge tables shipped under {@code knowledge/} in the class path, and the
 * module's knowledge exceptions ({@link com.mediassist.core.knowledge.KnowledgeException} and its
 * subclasses). Knowledge files name a source on every row; loaders refuse rows without one.
 */
package com.mediassist.core.knowledge;
