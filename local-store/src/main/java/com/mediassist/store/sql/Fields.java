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
     * A name or identifier: {@link #required} and free of control characters (NUL, line breaks,
     * escapes), lone surrogates and other unassigned or invisible format characters, which have no
     * place in a name and can forge log lines or break exports.
     *
     * @throws InvalidValueException naming {@code field} and the offending character's position
     */
    public static String name(String field, String value, int maxLength) {
        String text = required(field, value, maxLength);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lone = Character.isHighSurrogate(c)
                    ? i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))
                    : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
            int type = Character.getType(c);
            if (Character.isISOControl(c) || lone || type == Character.UNASSIGNED || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                throw new InvalidValueException(field, "must not contain control or invalid characters (U+"
                        + String.format(java.util.Locale.ROOT, "%04X", (int) c) + " at position " + (i + 1) + ")");
            }
        }
        return text;
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
