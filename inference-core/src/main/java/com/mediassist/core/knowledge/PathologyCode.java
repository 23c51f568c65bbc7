package com.mediassist.core.knowledge;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.mediassist.core.text.TextFold;
import java.util.regex.Pattern;

/**
 * A stable, URL-safe pathology code derived from the DDXPlus condition name, e.g.
 * {@code spontaneous-pneumothorax} or {@code possible-nstemi-stemi}.
 *
 * @param value lower-case letters, digits and single hyphens
 */
public record PathologyCode(String value) {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** @throws IllegalArgumentException when the text is not a lower-case hyphenated slug */
    public PathologyCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("pathology code must be a lower-case slug, found: " + value);
        }
    }

    @JsonCreator
    public static PathologyCode of(String value) {
        return new PathologyCode(value);
    }

    /** Derives the code of a DDXPlus condition name ("Possible NSTEMI / STEMI" → possible-nstemi-stemi). */
    public static PathologyCode fromName(String ddxplusName) {
        String slug = TextFold.fold(ddxplusName).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return new PathologyCode(slug);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
