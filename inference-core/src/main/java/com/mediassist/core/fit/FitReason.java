package com.mediassist.core.fit;

/**
 * One reason behind a fit verdict.
 *
 * @param code stable code: {@code unmapped-findings}, {@code little-evidence}, {@code unexplained-findings},
 *             {@code atypical-findings}, {@code uncharacteristic-findings} or {@code well-explained}
 * @param text the reason in words, in the requested language
 */
public record FitReason(String code, String text) {
}
