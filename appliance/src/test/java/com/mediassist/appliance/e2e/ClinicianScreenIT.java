package com.mediassist.appliance.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The consultation screen as a clinician uses it (issue 18): a safety alert survives a failed
 * re-check, marked not updated; the alert's one-click replacement; coded override reasons shown in
 * both languages; "checked: no interactions found"; a timed-out differential stays on screen marked
 * not updated; "No aplica" is recorded as absent; at most three next questions. axe-core on the
 * login, patients and consultation pages in both languages; screenshots at 1366×768.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClinicianScreenIT {

    private static AppUnderTest ui;

    @BeforeAll
    static void start() throws Exception {
        ui = AppUnderTest.start("clinician-screen", Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        if (ui != null) {
            ui.close();
        }
    }

    private static void offline(Browser b, boolean offline) {
        b.driver.executeCdpCommand("Network.enable", Map.of());
        b.driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    @Test
    @Order(1)
    void loginAndPatientsPagesHaveNoSeriousAccessibilityViolationsInEitherLanguage() throws Exception {
        ui.run(getClass(), b -> {
            for (String lang : List.of("es", "en")) {
                b.driver.manage().deleteAllCookies();
                b.driver.get(ui.baseUrl() + "/login?lang=" + lang);
                b.await("the login form", ExpectedConditions.visibilityOfElementLocated(By.id("j_username")));
                Axe.assertNoSeriousViolations(b, "login-" + lang);
            }
            Ui.logIn(b, ui.baseUrl(), ApplianceProcess.ADMIN, ApplianceProcess.ADMIN_PASSWORD);
            b.driver.get(ui.baseUrl() + "/?lang=es#/patients");
            b.await("the UI", d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
            Ui.createPatient(b, "A11Y-0001", "Elena", "Soto Prieto", "1949-06-20", "female");
            Axe.assertNoSeriousViolations(b, "patients-es");
            b.byId("lang-toggle").click();
            b.await("English texts", d -> d.findElement(By.cssSelector("#history-panel h2")).getText().equals("Medical history"));
            assertThat(b.byId("lang-toggle").getAttribute("lang")).isEqualTo("es");
            Axe.assertNoSeriousViolations(b, "patients-en");
            b.byId("lang-toggle").click();
            b.await("Spanish texts again", d -> d.findElement(By.cssSelector("#nav-patients")).getText().equals("Pacientes"));
        });
    }

    @Test
    @Order(2)
    void alertSurvivesAFailedRecheckAndTheOneClickReplacementClearsIt() throws Exception {
        ui.run(getClass(), b -> {
            Ui.newConsultation(b, ui.baseUrl(), "RX-0001", "Pilar", "Gómez Sanz", "1944-01-09", "female");
            Ui.prescribe(b, "Sintrom");
            Ui.prescribe(b, "ibuprofeno 600");
            b.await("an interrupting alert", ExpectedConditions.visibilityOfElementLocated(By.id("rx-interrupt")));
            b.await("the answer line of the check", d -> b.byId("rx-answer").getText().contains("Respuesta de las"));

            // Offline, adding amoxicilina fails to re-check: the major alert stays, marked not updated.
            offline(b, true);
            try {
                Ui.prescribe(b, "amoxicilina 500");
                b.await("the check marked not updated", d -> "true".equals(b.byId("rx-answer").getAttribute("data-stale")));
                assertThat(b.byId("rx-answer").getText()).contains("No actualizado").contains("sin conexión");
                assertThat(b.byId("rx-interrupt").isDisplayed()).isTrue();
                assertThat(b.byId("rx-interrupt-list").getText().toLowerCase()).contains("acenocumarol").contains("ibuprofeno");
                assertThat(b.all("#rx-list li.rx-row[data-drug='amoxicilina 500'] .rx-unchecked")).hasSize(1);
                assertThat(b.all("#rx-interrupt-list select.rx-reason-code")).hasSize(1);
            } finally {
                offline(b, false);
            }
            b.drainConsoleErrors();

            // Back online, the alert's own advice in one click: ibuprofeno → paracetamol.
            b.driver.findElement(By.cssSelector("#rx-interrupt-list button[data-action='replace'][data-input='ibuprofeno 600']")).click();
            b.await("paracetamol in place of ibuprofeno",
                    d -> !b.all("#rx-list li.rx-row[data-drug='paracetamol']").isEmpty()
                            && b.all("#rx-list li.rx-row[data-drug='ibuprofeno 600']").isEmpty());
            b.await("the interrupting alert gone after a successful check", d -> !b.byId("rx-interrupt").isDisplayed()
                    && "false".equals(b.byId("rx-answer").getAttribute("data-stale")));
            // Amoxicilina with Sintrom: a moderate INR-monitoring alert that does not interrupt.
            WebElement inr = b.await("the INR-monitoring alert", d -> d.findElements(
                    By.cssSelector("#rx-list .alert-passive[data-severity='moderate']")).stream()
                    .filter(e -> e.getText().contains("INR")).findFirst().orElse(null));
            assertThat(inr.getText().toLowerCase()).contains("amoxicilina").contains("acenocumarol");

            // Ibuprofeno again: a coded reason is enough; the saved reason reads in both languages.
            Ui.prescribe(b, "ibuprofeno 400");
            b.await("the interrupting alert again", ExpectedConditions.visibilityOfElementLocated(By.id("rx-interrupt")));
            new Select(b.driver.findElement(By.cssSelector("#rx-interrupt-list select.rx-reason-code")))
                    .selectByValue("monitoring-planned");
            b.byId("rx-save").click();
            b.awaitText("rx-status", "Prescripción guardada");
            b.awaitText("rx-interrupt-list", "Se hará seguimiento");
            assertThat(b.driver.findElement(By.cssSelector("#rx-interrupt-list .override-saved")).getAttribute("data-reason-code"))
                    .isEqualTo("monitoring-planned");
            b.byId("lang-toggle").click();
            b.awaitText("rx-interrupt-list", "Monitoring planned");
            b.byId("lang-toggle").click();
            b.awaitText("rx-interrupt-list", "Se hará seguimiento");
        });
    }

    @Test
    @Order(3)
    void aCheckWithoutAlertsSaysSo() throws Exception {
        ui.run(getClass(), b -> {
            Ui.newConsultation(b, ui.baseUrl(), "RX-0002", "Jorge", "Ramos Luna", "1980-04-02", "male");
            Ui.prescribe(b, "paracetamol 1 g");
            b.awaitText("rx-checked", "sin interacciones");
        });
    }

    @Test
    @Order(4)
    void timedOutDifferentialStaysMarkedNotUpdatedAndNoAplicaIsRecordedAbsent() throws Exception {
        ui.run(getClass(), b -> {
            Ui.newConsultation(b, ui.baseUrl(), "DX-0001", "Marta", "Iglesias Pardo", "1961-03-14", "female");
            Ui.addEvidence(b, "fiebre");
            b.await("a differential", d -> !Ui.differentialRows(b).isEmpty());
            b.await("next questions", d -> !b.all("#question-list li.question").isEmpty());
            assertThat(b.all("#question-list li.question")).hasSizeLessThanOrEqualTo(3);
            assertThat(b.all("#ddx-list li.ddx-row .ddx-prob")).allSatisfy(p -> assertThat(p.getText()).doesNotContain("%"));

            // "No aplica" for the pain's character is recorded as absent, never as present.
            WebElement input = b.byId("evidence-input");
            input.sendKeys("E_54");
            b.await("the pain-character evidence", ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#evidence-options li")));
            input.sendKeys(Keys.ENTER);
            new Select(b.byId("evidence-value")).selectByValue("V_11");
            b.byId("evidence-add").click();
            // Read in one go: the server's view re-renders the chips.
            String chip = b.await("the E_54 chip", d -> d.findElements(By.cssSelector("#evidence-chips li.chip")).stream()
                    .map(e -> e.getAttribute("data-evidence") + "|" + e.getAttribute("data-present"))
                    .filter(e -> e.startsWith("E_54")).findFirst().orElse(null));
            assertThat(chip).isEqualTo("E_54|false");

            // The next diagnosis request hangs: after its time budget the last differential stays, marked.
            b.await("the differential settled", d -> "ok".equals(b.byId("ddx-panel").getAttribute("data-state")));
            int rows = Ui.differentialRows(b).size();
            b.driver.executeCdpCommand("Fetch.enable", Map.of("patterns", List.of(Map.of("urlPattern", "*/api/v1/consultations/*/commands"))));
            try {
                Ui.addEvidence(b, "tos");
                b.await("the differential marked not updated", d -> "true".equals(b.byId("ddx-answer").getAttribute("data-stale")));
                assertThat(b.byId("ddx-answer").getText()).contains("No actualizado").contains("no respondió a tiempo");
                assertThat(Ui.differentialRows(b)).hasSize(rows);
                assertThat(b.byId("question-list").getText()).doesNotContain("Sin preguntas sugeridas");
                assertThat(b.byId("questions-answer").getAttribute("data-stale")).isEqualTo("true");
            } finally {
                b.driver.executeCdpCommand("Fetch.disable", Map.of());
            }
            b.drainConsoleErrors();
            Ui.addEvidence(b, "fiebre");
            b.await("a current differential again", d -> "false".equals(b.byId("ddx-answer").getAttribute("data-stale")));
        });
    }

    @Test
    @Order(5)
    void consultationScreenHasNoSeriousAccessibilityViolationsAndIsPhotographedInBothLanguages() throws Exception {
        ui.run(getClass(), b -> {
            Ui.newConsultation(b, ui.baseUrl(), "A11Y-0002", "Carmen", "Ruiz Ortega", "1961-03-14", "female");
            assertThat(b.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("consult-heading");
            Ui.addEvidence(b, "fiebre");
            Ui.addEvidence(b, "tos");
            b.await("a differential", d -> !Ui.differentialRows(b).isEmpty());
            b.byId("note-text").sendKeys("Mujer de 65 años con tos y fiebre de 3 días. Niega disnea.");
            b.await("findings from the note", ExpectedConditions.presenceOfElementLocated(By.cssSelector("#finding-chips li.chip")));
            Ui.prescribe(b, "Sintrom");
            Ui.prescribe(b, "ibuprofeno 600");
            b.await("an interrupting alert", ExpectedConditions.visibilityOfElementLocated(By.id("rx-interrupt")));
            b.await("preventive care", ExpectedConditions.presenceOfElementLocated(By.cssSelector("#preventive-items li.chip")));
            b.await("recommended tests", ExpectedConditions.presenceOfElementLocated(By.cssSelector("#test-list li.test")));
            b.driver.executeScript("window.scrollTo(0, 0)");
            b.screenshot("main-screen-1366x768-es");
            Axe.assertNoSeriousViolations(b, "consultation-es");
            b.byId("lang-toggle").click();
            b.await("English texts", d -> d.findElement(By.cssSelector("#ddx-panel h2")).getText().equals("Differential diagnosis"));
            b.await("the differential in English", d -> !Ui.differentialRows(b).isEmpty()
                    && "ok".equals(b.byId("ddx-panel").getAttribute("data-state")));
            b.screenshot("main-screen-1366x768-en");
            Axe.assertNoSeriousViolations(b, "consultation-en");
            b.byId("lang-toggle").click();
            Ui.assertNoConsoleErrors(b);
        });
    }
}
