package com.mediassist.appliance.login;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoginPageLanguageTest {

    @Test
    void spanishWhenTheBrowserStatesNothing() {
        assertThat(LoginPage.language(null, null)).isEqualTo("es");
        assertThat(LoginPage.language("", null)).isEqualTo("es");
    }

    @Test
    void followsTheBrowsersFirstSupportedLanguage() {
        assertThat(LoginPage.language("fr-FR,fr;q=0.9,en;q=0.8,es;q=0.5", null)).isEqualTo("en");
        assertThat(LoginPage.language("de, es-ES;q=0.7", null)).isEqualTo("es");
    }

    @Test
    void queryParameterWinsOverTheBrowser() {
        assertThat(LoginPage.language("en-GB", "es")).isEqualTo("es");
        assertThat(LoginPage.language("es", "EN")).isEqualTo("en");
    }

    @Test
    void malformedAcceptLanguageFallsBackToSpanish() {
        assertThat(LoginPage.language(";;;q=x", null)).isEqualTo("es");
    }
}
