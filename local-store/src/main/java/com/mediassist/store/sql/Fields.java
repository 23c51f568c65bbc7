package com.mediassist.store.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mediassist.store.InvalidValueException;

/**
 * Checks on values before they reach SQL, so that a bad value fails with the name of its field
 * instead of a constraint message from SQLite.
 */
public final class Fields {

    private static final ObjectMapper JSON =
            JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private Fields() {
    }

    /**
     * Requires non-blank text of at most {@code maxLength} characters and returns it stripped.
     *
     * @throws InvalidValueException naming {@code field} otherwise
     */
    public static String required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, "is required");
        }
        return optional(field, value, maxLength);
    }

    /**
     * Allows {@code null} or blank (both become {@code null}); otherwise at most
     * {@code maxLength} characters, returned stripped.
     *
     * @throws InvalidValueException naming {@code field} when too long
     */
    public static String optional(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            throw new InvalidValueException(field,
                    "must be at most " + maxLength + " characters, got " + stripped.length());
        }
        return stripped;
    }

    /**
     * Requires well-formed JSON text.
     *
     * @throws InvalidValueException naming {@code field} with the parser's complaint
     */
    public static String json(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, "must be JSON, got nothing");
        }
        try {
            JSON.readTree(value);
            return value;
        } catch (JsonProcessingException e) {
            throw new InvalidValueException(field, "is not well-formed JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * Requires a strictly positive identifier.
     *
     * @throws InvalidValueException naming {@code field} otherwise
     */
    public static long id(String field, long value) {
        if (value <= 0) {
            throw new InvalidValueException(field, "must be a positive id, got " + value);
        }
        return value;
    }
}
