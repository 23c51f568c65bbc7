package com.mediassist.appliance.status;

/**
 * How one module is doing.
 *
 * @param name   module id ({@code diagnosis}, {@code diagnosis-fallback}, {@code medication}, ...)
 * @param state  {@link State}
 * @param detail what the state is based on, for the administrator (English, technical)
 */
public record ModuleHealth(String name, State state, String detail) {

    /** Health states; serialised in lower case. */
    public enum State {
        UP, DEGRADED, DOWN, DISABLED, UNKNOWN;

        @com.fasterxml.jackson.annotation.JsonValue
        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
