package com.mediassist.appliance.health;

import java.util.regex.Pattern;

/**
 * Readiness details are open to anonymous callers: file-system paths (the data directory, the
 * database file, a bundle's location) are cut from them, as they tell a stranger where the patient
 * data lives. The server log keeps the full text.
 */
public final class PublicDetail {

    private static final Pattern PATH = Pattern.compile("(?<![\\w.:])(?:[A-Za-z]:)?[/\\\\][^\\s'\",;)]+");

    private PublicDetail() {
    }

    /** The text with every absolute path replaced by {@code <path>}. */
    public static String withoutPaths(String text) {
        return text == null ? null : PATH.matcher(text).replaceAll("<path>");
    }
}
