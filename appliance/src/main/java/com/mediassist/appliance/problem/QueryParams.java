package com.mediassist.appliance.problem;

/**
 * Numbers in query parameters, parsed here rather than by the REST layer, which answers a
 * malformed one with a bare 404 as if the resource did not exist: a 400 problem naming the
 * parameter and what it got instead.
 */
public final class QueryParams {

    private QueryParams() {
    }

    /**
     * @return the number, or {@code null} when the parameter is absent or empty
     * @throws ApiProblemException 400 naming the parameter when it is not a whole number
     */
    public static Long optionalLong(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw ApiProblemException.badField(name, "must be a whole number, got '" + shorten(raw) + "'");
        }
    }

    /**
     * @return the number, or {@code fallback} when the parameter is absent or empty
     * @throws ApiProblemException 400 naming the parameter when it is not a whole number
     */
    public static int intOr(String name, String raw, int fallback) {
        Long value = optionalLong(name, raw);
        if (value == null) {
            return fallback;
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw ApiProblemException.badField(name, "is out of range, got " + value);
        }
        return value.intValue();
    }

    private static String shorten(String raw) {
        String clean = raw.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
    }
}
