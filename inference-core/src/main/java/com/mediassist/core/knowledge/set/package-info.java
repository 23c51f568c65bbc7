/**
 * One complete set of clinical knowledge ({@link com.mediassist.core.knowledge.set.KnowledgeSet}: the
 * medication checker, the recommended tests and the preventive-care rules of one knowledge bundle) and the
 * golden cases a knowledge bundle ships ({@link com.mediassist.core.knowledge.set.KnowledgeGoldenCases}), so
 * that a box can open a new bundle beside the live one, compare its answers with the vendor's, and switch
 * in one step.
 */
package com.mediassist.core.knowledge.set;
