package com.mediassist.core.knowledge;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/**
 * A patient's administrative sex, the one sex type of every module, with FHIR's codes ({@code female},
 * {@code male}, {@code other}, {@code unknown}).
 *
 * <p>The diagnosis model (DDXPlus) knows two sexes, encoded {@code F} and {@code M}; {@link #modelCode()}
 * is the one mapping to that encoding and {@link #fromModelCode(String)} its inverse. {@code other} and
 * {@code unknown} have no model code: an engine that needs one says what is missing.
 */
public enum Sex {
    FEMALE("F"),
    MALE("M"),
    OTHER(null),
    UNKNOWN(null);

    private final String modelCode;

    Sex(String modelCode) {
        this.modelCode = modelCode;
    }

    /** The FHIR code, as stored and as in the JSON API: {@code female}, {@code male}, {@code other}, {@code unknown}. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The diagnosis model's encoding ({@code F}, {@code M}); empty for other and unknown. */
    public Optional<String> modelCode() {
        return Optional.ofNullable(modelCode);
    }

    /** Whether the diagnosis model knows this sex (female or male). */
    public boolean knownToModel() {
        return modelCode != null;
    }

    /**
     * Parses a FHIR code in any case.
     *
     * @throws InvalidClinicalInputException naming {@code sex} for anything else
     */
    public static Sex fromCode(String code) {
        if (code != null) {
            for (Sex s : values()) {
                if (s.code().equalsIgnoreCase(code.strip())) {
                    return s;
                }
            }
        }
        throw new InvalidClinicalInputException("sex", "must be female, male, other or unknown, got " + code);
    }

    /**
     * Parses the diagnosis model's encoding, {@code F} or {@code M} in any case.
     *
     * @throws InvalidClinicalInputException naming {@code sex} for anything else
     */
    public static Sex fromModelCode(String code) {
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        return switch (c) {
            case "F" -> FEMALE;
            case "M" -> MALE;
            default -> throw new InvalidClinicalInputException("sex", "the model's sex must be 'M' or 'F', found '" + code + "'");
        };
    }

    /**
     * Parses what people write for sex: FHIR codes, {@code f}/{@code m}, {@code mujer}/{@code hombre},
     * {@code woman}/{@code man}; {@code null} or blank is unknown.
     *
     * @throws InvalidClinicalInputException naming {@code sex} for anything else
     */
    public static Sex parse(String value) {
        if (value == null || value.isBlank()) {
            return UNKNOWN;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "female", "f", "mujer", "woman", "femenino" -> FEMALE;
            case "male", "m", "hombre", "man", "masculino", "varon", "varón" -> MALE;
            case "other", "otro" -> OTHER;
            case "unknown", "desconocido" -> UNKNOWN;
            default -> throw new InvalidClinicalInputException("sex",
                    "expected female, male, other or unknown but found \"" + value + "\"");
        };
    }
}
