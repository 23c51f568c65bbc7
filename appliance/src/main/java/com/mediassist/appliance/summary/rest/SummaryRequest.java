package com.mediassist.appliance.summary.rest;

/**
 * Body of {@code POST /api/v1/summary}.
 *
 * @param text     the note as typed, at most {@code mediassist.summary.max-chars} characters
 * @param language {@code "es"}, {@code "en"} or {@code "auto"} (default: auto-detect)
 */
public record SummaryRequest(String text, String language) {
}
