package com.mediassist.core.knowledge;

/** How an evidence is answered, as in DDXPlus ({@code B}, {@code C}, {@code M}). */
public enum EvidenceType {
    /** Yes or no. */
    BINARY,
    /** Exactly one value of a list (a scale 0–10 or a symbolic value). */
    CATEGORICAL,
    /** One or more values of a list (e.g. pain locations). */
    MULTI
}
