/**
 * Knowledge as versioned data: {@link com.mediassist.core.knowledge.bundle.KnowledgeManifest} reads a
 * bundle's manifest (knowledge version, provenance, SHA-256 and source of every file) and hands out only
 * files whose hash matches, so a new knowledge bundle can be shipped without a software release.
 */
package com.mediassist.core.knowledge.bundle;
