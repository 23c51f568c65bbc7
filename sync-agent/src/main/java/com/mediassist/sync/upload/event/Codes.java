package com.mediassist.sync.upload.event;

import com.mediassist.sync.upload.InvalidEventException;
import java.util.List;
import java.util.regex.Pattern;

/** The shapes the protocol allows for codes, checked when an event is built. */
public final class Codes {

    /** {@code E_<digits>} or {@code E_<digits>_@_<value>} (values are codes such as {@code V_161} or digits). */
    static final Pattern EVIDENCE = Pattern.compile("E_[0-9]{1,6}(_@_[A-Za-z0-9_]{1,40})?");
    /** A bundle's label code, a lower-case slug. */
    static final Pattern PATHOLOGY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+){0,15}");
    /** A category code used when a diagnosis is generalised. */
    static final Pattern CATEGORY = Pattern.compile("cat:(respiratory|cardiovascular|ent|other)");
    /** A model, bundle or knowledge version. */
    static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.+-]{0,39}");
    /** A rule id from the medication knowledge. */
    static final Pattern RULE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9:._+/-]{0,119}");
    /** A test code of the workup knowledge or an endpoint name. */
    static final Pattern SLUG = Pattern.compile("[a-z0-9]+([-_.][a-z0-9]+){0,15}");
    /** {@code 2026-W47}. */
    static final Pattern WEEK = Pattern.compile("[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])");

    private Codes() {
    }

    static String require(String field, Pattern pattern, String expected, String value) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new InvalidEventException(field, expected, value);
        }
        return value;
    }

    static String week(String value) {
        return require("week", WEEK, "an ISO week such as 2026-W47", value);
    }

    static String version(String field, String value) {
        return require(field, VERSION, "a version such as 2.0.0", value);
    }

    /** A pathology label code or a {@code cat:} category. */
    static String diagnosis(String field, String value) {
        if (value != null && CATEGORY.matcher(value).matches()) {
            return value;
        }
        return require(field, PATHOLOGY, "a pathology label code or a cat: category", value);
    }

    static List<String> evidences(String field, List<String> codes) {
        List<String> copy = List.copyOf(codes);
        for (int i = 0; i < copy.size(); i++) {
            require(field + "[" + i + "]", EVIDENCE, "an evidence code E_<digits>[_@_<value>]", copy.get(i));
        }
        return copy;
    }
}
