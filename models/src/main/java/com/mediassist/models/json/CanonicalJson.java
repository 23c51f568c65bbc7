package com.mediassist.models.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RFC 8785 (JSON Canonicalization Scheme) serialisation restricted to what the fleet protocol and
 * the TUF metadata carry: objects, arrays, strings, booleans and integers. Object keys are sorted by
 * UTF-16 code units ({@link String#compareTo}), there is no whitespace, integers are written in
 * plain decimal and strings get JSON's minimal escaping. For such documents the bytes are also the
 * "canonical JSON" TUF signs (securesystemslib) as long as strings hold no control characters.
 */
public final class CanonicalJson {

    /** A value JCS could write but the protocol forbids (a fraction or a null), with its JSON path. */
    public static final class UnsupportedValueException extends IllegalArgumentException {
        private final String path;

        UnsupportedValueException(String path, String what) {
            super(path + ": " + what + " is not allowed (objects, arrays, strings, booleans and integers only)");
            this.path = path;
        }

        /** Where the value is, e.g. {@code payload.events[3].rank}. */
        public String path() {
            return path;
        }
    }

    private CanonicalJson() {
    }

    /**
     * The canonical UTF-8 bytes of a JSON tree.
     *
     * @param root the tree (not modified)
     * @param path the name of the root in error messages
     * @throws UnsupportedValueException for a null or a non-integral number
     */
    public static byte[] bytes(JsonNode root, String path) {
        StringBuilder sb = new StringBuilder(256);
        write(root, path, sb);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(JsonNode n, String path, StringBuilder sb) {
        switch (n.getNodeType()) {
            case OBJECT -> {
                List<String> keys = new ArrayList<>();
                for (Map.Entry<String, JsonNode> e : n.properties()) {
                    keys.add(e.getKey());
                }
                keys.sort(null);
                sb.append('{');
                for (int i = 0; i < keys.size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    string(keys.get(i), sb);
                    sb.append(':');
                    write(n.get(keys.get(i)), path + "." + keys.get(i), sb);
                }
                sb.append('}');
            }
            case ARRAY -> {
                sb.append('[');
                for (int i = 0; i < n.size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    write(n.get(i), path + "[" + i + "]", sb);
                }
                sb.append(']');
            }
            case STRING -> string(n.textValue(), sb);
            case BOOLEAN -> sb.append(n.booleanValue() ? "true" : "false");
            case NUMBER -> {
                if (!n.isIntegralNumber()) {
                    throw new UnsupportedValueException(path, "the number " + n.asText());
                }
                BigInteger v = n.bigIntegerValue();
                sb.append(v.toString());
            }
            default -> throw new UnsupportedValueException(path, "a " + n.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    private static void string(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
