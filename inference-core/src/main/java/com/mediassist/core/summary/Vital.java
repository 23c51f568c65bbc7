package com.mediassist.core.summary;

/**
 * A vital sign read from the note.
 *
 * @param kind  which sign
 * @param value the value in {@link VitalKind#unit()} (heights written in metres are converted to cm,
 *              temperatures in °F to °C)
 * @param unit  {@code kind.unit()}
 * @param text  the source characters, e.g. {@code "TA 140/90"}
 * @param span  where it is in the note (systolic and diastolic share the span of the reading)
 * @param flag  plausibility
 */
public record Vital(VitalKind kind, double value, String unit, String text, Span span, VitalFlag flag) {
}
