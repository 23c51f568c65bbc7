package com.mediassist.core.knowledge;

/**
 * One possible answer of a categorical or multi-choice evidence.
 *
 * @param code  the DDXPlus value code ({@code V_161}) or the number of a scale ({@code 7})
 * @param label what it means, in both languages
 */
public record EvidenceValue(String code, Text label) {
}
