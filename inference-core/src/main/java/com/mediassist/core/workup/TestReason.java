package com.mediassist.core.workup;

/**
 * Why a test is recommended.
 *
 * @param pathology     DDXPlus English name of the candidate (stable key)
 * @param pathologyName the candidate's name in the requested language
 * @param probability   the candidate's probability, as given
 * @param severity      DDXPlus severity of the candidate (1 = most severe … 5)
 * @param purpose       what the test does for it, in the requested language
 * @param guideline     the guideline that recommends it
 * @param year          the guideline's year
 * @param score         this reason's contribution: probability × severity weight × line factor
 */
public record TestReason(String pathology, String pathologyName, double probability, int severity, String purpose,
                         String guideline, int year, double score) {
}
