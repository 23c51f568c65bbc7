package com.mediassist.appliance.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The whole consultation in a real browser: log in, create a patient, symptoms and the
 * differential, a next question, the note's findings, acenocumarol + ibuprofen with the override
 * reason, preventive care, a session expiry that keeps the draft, summary sign-off and FHIR export,
 * the admin status page, logout. Screenshots of the main screen in Spanish and English.
 */
class ConsultationFlowIT {

    private static AppUnderTest ui;

    @BeforeAll
    static void start() throws Exception {
        ui = AppUnderTest.start("consultation-flow", Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        if (ui != null) {
            ui.close();
        }
    }

    @Test
    void doctorRunsAConsultationFromLoginToSignedExportedNote() throws Exception {
        ui.run(getClass(), this::run);
    }

    private void run(Browser b) throws Exception {
        Ui.logIn(b, ui.baseUrl(), ApplianceProcess.ADMIN, ApplianceProcess.ADMIN_PASSWORD);
        assertThat(b.byId("nav-patients").getText()).isEqualTo("Pacientes");
        b.savePageTimings("main-page-after-login");
        b.driver.navigate().refresh();
        b.await("the UI to load again", d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        b.savePageTimings("main-page-reload");

        String heading = Ui.createPatient(b, "E2E-0001", "Carmen", "Ruiz Ortega", "1961-03-14", "female");
        assertThat(heading).contains("Ruiz Ortega, Carmen").contains("#E2E-0001");
        Ui.startConsultation(b);

        // Symptoms entered with the picker drive the differential; a second one changes it.
        Ui.addEvidence(b, "fiebre");
        b.await("a differential", d -> !Ui.differentialRows(b).isEmpty());
        String before = Ui.differentialText(b);
        Ui.addEvidence(b, "tos");
        b.await("the differential to change after a second symptom", d -> !Ui.differentialText(b).equals(before));
        assertThat(b.all("#evidence-chips li.chip")).hasSize(2);

        // "Por qué" opens the explanation of a candidate: the findings that support it.
        b.all("#ddx-list li.ddx-row button[aria-controls]").get(0).click();
        b.await("an explanation with supporting findings",
                d -> !b.all("#ddx-list li.ddx-row .ddx-why:not([hidden]) li").isEmpty());

        // Answering a next question records it and updates the differential; it is not asked again.
        WebElement question = b.await("a next question", ExpectedConditions.presenceOfElementLocated(By.cssSelector("#question-list li.question")));
        String asked = question.getAttribute("data-evidence");
        question.findElement(By.cssSelector(".question-answers button:last-child")).click();
        b.await("the answer recorded", d -> b.all("#evidence-chips li.chip").size() == 3);
        b.await("the answered question gone from the next questions",
                d -> b.all("#question-list li.question[data-evidence='" + asked + "']").isEmpty()
                        && !b.all("#question-list li").isEmpty());

        // Recommended tests for the current differential, each with its guideline.
        b.await("recommended tests", ExpectedConditions.presenceOfElementLocated(By.cssSelector("#test-list li.test")));

        // The note's findings appear as chips; a <script> in the note stays text.
        WebElement note = b.byId("note-text");
        note.sendKeys("Mujer de 65 años con dolor de garganta y tos desde hace 3 días. Niega fiebre. "
                + "<script>window.pwned = true</script>");
        b.await("findings from the note", ExpectedConditions.presenceOfElementLocated(By.cssSelector("#finding-chips li.chip")));
        assertThat(b.driver.executeScript("return window.pwned === undefined")).isEqualTo(true);
        assertThat(b.all("script")).hasSize(1);
        assertThatThrownBy(() -> b.driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);

        // Acenocumarol then ibuprofen: an interrupting alert that needs a reason before saving.
        Ui.prescribe(b, "Sintrom");
        Ui.prescribe(b, "ibuprofeno 600");
        b.await("an interrupting alert", ExpectedConditions.visibilityOfElementLocated(By.id("rx-interrupt")));
        assertThat(b.byId("rx-interrupt-list").getText().toLowerCase()).contains("acenocumarol");
        b.byId("rx-save").click();
        b.awaitText("rx-status", "Indique un motivo");
        b.driver.findElement(By.cssSelector("#rx-interrupt-list textarea.rx-reason"))
                .sendKeys("Dolor intenso, tres días con control de INR");
        b.byId("rx-save").click();
        b.awaitText("rx-status", "Prescripción guardada");
        // Preventive care due for a 65-year-old woman appears as a compact banner.
        b.await("preventive care items", ExpectedConditions.presenceOfElementLocated(By.cssSelector("#preventive-items li.chip")));
        Ui.assertNoConsoleErrors(b);

        b.screenshot("consultation-es");
        b.byId("lang-toggle").click();
        b.await("English texts", d -> d.findElement(By.cssSelector("#ddx-panel h2")).getText().equals("Differential diagnosis"));
        b.await("the differential in English", d -> !Ui.differentialRows(b).isEmpty());
        b.screenshot("consultation-en");

        // A session expiry does not lose the note: the draft is back after logging in again.
        String typed = " Exploración: faringe hiperémica.";
        b.driver.manage().deleteCookieNamed("mediassist-session");
        b.byId("note-text").sendKeys(typed);
        b.await("the session-expired banner", ExpectedConditions.visibilityOfElementLocated(By.id("session-banner")));
        // The banner never takes the focus from the note being typed: no keystroke is lost.
        assertThat(b.byId("note-text").getAttribute("value")).endsWith(typed);
        List<LogEntry> expiry = b.drainConsoleErrors();
        assertThat(expiry).allSatisfy(e -> assertThat(e.getMessage()).contains("401"));
        Ui.logIn(b, ui.baseUrl(), ApplianceProcess.ADMIN, ApplianceProcess.ADMIN_PASSWORD);
        b.await("back in the consultation", d -> d.getCurrentUrl().matches(".*#/consult/\\d+$"));
        b.await("the restored draft", d -> b.byId("note-text").getAttribute("value").endsWith(typed));
        Ui.awaitLoaded(b);
        assertThat(b.byId("info-banner").getText()).isNotBlank();

        // Summary: generate, sign with a final diagnosis from the differential, export as FHIR.
        b.byId("summary-generate").click();
        b.await("the structured note", d -> !b.byId("summary-text").getAttribute("value").isBlank());
        b.await("final diagnosis options", d -> new Select(b.byId("final-diagnosis")).getOptions().size() > 1);
        new Select(b.byId("final-diagnosis")).selectByIndex(1);
        b.byId("summary-sign").click();
        b.awaitText("summary-status", "signed off");
        b.await("export enabled", d -> b.byId("summary-export").isEnabled());
        b.byId("summary-export").click();
        b.awaitText("summary-status", "FHIR Bundle with");
        assertThat(b.byId("note-text").isEnabled()).isFalse();

        // The admin status page: bundle, modules, latencies.
        b.driver.get(ui.baseUrl() + "/#/status");
        b.await("module rows", d -> b.all("#status-modules tbody tr").size() >= 5);
        assertThat(b.driver.findElement(By.cssSelector("#status-modules tr[data-module='diagnosis']")).getAttribute("data-state"))
                .isEqualTo("up");
        assertThat(b.all("#status-latencies tbody tr")).isNotEmpty();
        assertThat(b.byId("status-bundle").getText()).isNotBlank();
        b.screenshot("status-en");
        Ui.assertNoConsoleErrors(b);

        b.byId("logout-button").click();
        b.await("the login page", d -> d.getCurrentUrl().contains("/login"));
        b.driver.get(ui.baseUrl() + "/");
        b.await("sent back to the login page", d -> d.getCurrentUrl().contains("/login"));
    }
}
