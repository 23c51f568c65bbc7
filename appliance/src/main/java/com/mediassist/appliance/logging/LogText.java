package com.mediassist.appliance.logging;

/**
 * Encodes client-supplied text for a log line: in double quotes, with line breaks, other control
 * characters, quotes, backslashes and lone surrogates escaped ({@code \n}, {@code \u0000}), and cut
 * to {@value #MAX_CHARS} characters. A user name such as {@code "x\nINFO Login ok for admin"} then
 * stays on its own line as the literal text it is.
 */
public final class LogText {

    /** Longest text written; longer input is cut and marked with an ellipsis. */
    public static final int MAX_CHARS = 200;

    private LogText() {
    }

    /** {@code null} as {@code null}, anything else quoted and escaped. */
    public static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CHARS) + 2).append('"');
        int end = Math.min(text.length(), MAX_CHARS);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    boolean loneSurrogate = Character.isHighSurrogate(c)
                            ? i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))
                            : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
                    if (Character.isISOControl(c) || loneSurrogate || c == '\u2028' || c == '\u2029') {
                        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        if (text.length() > MAX_CHARS) {
            out.append('…');
        }
        return out.append('"').toString();
    }
}
