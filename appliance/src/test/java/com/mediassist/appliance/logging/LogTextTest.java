package com.mediassist.appliance.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void aNewlineInAUserNameCannotStartAForgedLogLine() {
        String forged = "x\n2026-01-01 10:00:00,000 INFO  Login accepted for 'admin'";
        assertThat(LogText.quote(forged)).doesNotContain("\n").startsWith("\"x\\n2026").endsWith("'admin'\"");
    }

    @Test
    void escapesControlCharactersQuotesAndLoneSurrogates() {
        assertThat(LogText.quote("a\u0000b\"c\\\r\ud800")).isEqualTo("\"a\\u0000b\\\"c\\\\\\r\\ud800\"");
        assertThat(LogText.quote("Peña 😀")).isEqualTo("\"Peña 😀\"");
    }

    @Test
    void cutsLongInput() {
        assertThat(LogText.quote("a".repeat(5000))).hasSize(LogText.MAX_CHARS + 3);
        assertThat(LogText.quote(null)).isEqualTo("null");
    }
}
