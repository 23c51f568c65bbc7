package com.mediassist.appliance.failure;

/**
 * One thing wrong with a request or a document: where, and what.
 *
 * @param field   the offending field or entry, e.g. {@code entry[12] Condition/abc}
 * @param message what is wrong with it
 */
public record FieldViolation(String field, String message) {
}
