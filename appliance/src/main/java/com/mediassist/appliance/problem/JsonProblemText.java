package com.mediassist.appliance.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's messages in the API's words: what was wrong with the JSON, without the Java classes,
 * packages or Jackson's own settings that Jackson names (those say nothing to a client and tell an
 * attacker about the code).
 */
public final class JsonProblemText {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("java.lang.String", "text"), Map.entry("String", "text"),
            Map.entry("java.lang.Long", "a whole number"), Map.entry("long", "a whole number"),
            Map.entry("java.lang.Integer", "a whole number"), Map.entry("int", "a whole number"),
            Map.entry("java.lang.Double", "a number"), Map.entry("double", "a number"),
            Map.entry("java.lang.Boolean", "true or false"), Map.entry("boolean", "true or false"),
            Map.entry("java.time.LocalDate", "a date (YYYY-MM-DD)"),
            Map.entry("java.time.Instant", "a time (ISO 8601, UTC)"));
    private static final Pattern BACKTICKED = Pattern.compile("`([^`]*)`");
    private static final Pattern CLASS_IN_PARENS = Pattern.compile("\\s*\\(class [\\w.$]+\\)");
    private static final Pattern FROM_SETTING = Pattern.compile(",?\\s*from `?[\\w.$]+\\(\\)`?");
    private static final Pattern QUALIFIED = Pattern.compile("\\b(?:[a-z]\\w*\\.)+[A-Z][\\w$]*(?:\\[\\])?");

    private JsonProblemText() {
    }

    /** What was wrong, for the problem's detail. */
    public static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "'" + u.getPropertyName() + "' is not a field of this request; known fields: "
                    + String.join(", ", u.getKnownPropertyIds().stream().map(Object::toString).sorted().toList());
        }
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        message = FROM_SETTING.matcher(message).replaceAll("");
        message = CLASS_IN_PARENS.matcher(message).replaceAll("");
        Matcher m = BACKTICKED.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(apiType(m.group(1))));
        }
        m.appendTail(out);
        message = QUALIFIED.matcher(out.toString()).replaceAll(r -> Matcher.quoteReplacement(apiType(r.group())));
        int newline = message.indexOf('\n');
        return (newline > 0 ? message.substring(0, newline) : message).strip();
    }

    private static String apiType(String javaType) {
        String plain = javaType.replace("[]", "");
        String mapped = TYPES.get(plain);
        if (mapped != null) {
            return javaType.endsWith("[]") ? "a list of " + mapped : mapped;
        }
        if (plain.startsWith("java.util.") && (plain.contains("List") || plain.contains("Set") || plain.contains("Collection"))) {
            return "a list";
        }
        if (plain.contains(".") || Character.isUpperCase(plain.isEmpty() ? 'a' : plain.charAt(0))) {
            return javaType.endsWith("[]") ? "a list" : "an object";
        }
        return plain;
    }
}
