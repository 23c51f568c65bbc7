package com.mediassist.core.fit;

import com.fasterxml.jackson.annotation.JsonValue;

/** How well a patient fits the conditions the diagnosis model knows. */
public enum FitVerdict {
    /** The best candidates explain the findings the way DDXPlus patients of them show them. */
    IN_SCOPE("in-scope"),
    /** Some findings are outside the model or unexplained: read the differential as secondary. */
    LOW_FIT("low-fit"),
    /** The patient most likely has a condition the model does not know; the differential is not an answer. */
    OUT_OF_SCOPE("out-of-scope");

    private final String code;

    FitVerdict(String code) {
        this.code = code;
    }

    /** The API code ({@code in-scope}, {@code low-fit}, {@code out-of-scope}). */
    @JsonValue
    public String code() {
        return code;
    }
}
