package com.mediassist.appliance.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Patients screen (FHIR import, search, history), then: with the diagnosis module out of service its panels say so plainly, and the note's findings,
 * the medication alerts and preventive care keep working.
 */
class DegradedModeIT {

    private static AppUnderTest ui;

    @BeforeAll
    static void start() throws Exception {
        ui = AppUnderTest.start("degraded", Map.of("MEDIASSIST_MODULES_DISABLED", "diagnosis"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (ui != null) {
            ui.close();
        }
    }

    @Test
    void diagnosisOutOfServiceLeavesTheRestOfTheScreenWorking() throws Exception {
        ui.run(getClass(), this::run);
    }

    private void run(Browser b) throws Exception {
        Ui.logIn(b, ui.baseUrl(), ApplianceProcess.ADMIN, ApplianceProcess.ADMIN_PASSWORD);

        // Patients: import a real FHIR export, find the patient by name, see the history.
        b.byId("patient-import-block").findElement(By.tagName("summary")).click();
        b.byId("import-file").sendKeys(java.nio.file.Path.of("src/test/resources/fhir/synthea-r4-patient.json")
                .toAbsolutePath().toString());
        b.driver.findElement(By.cssSelector("#patient-import-form button[type='submit']")).click();
        // The first FHIR import of a run initialises HAPI FHIR (seconds on a busy box; the UI allows 60 s).
        b.await("the imported patient's history", java.time.Duration.ofSeconds(60),
                d -> d.findElement(By.id("history-patient")).getText().contains("Dare"));
        b.await("imported conditions", d -> !b.all("#history-conditions li:not(.muted)").isEmpty());
        assertThat(b.byId("patient-import-status").getText()).contains("Importado");
        b.byId("patient-search").sendKeys("renato dare");
        b.byId("patient-search").submit();
        b.await("the imported patient found by name", d -> !b.all("#patient-results button.patient-result").isEmpty());
        assertThat(b.byId("patient-results").getText()).contains("Dare, Renato");

        Ui.createPatient(b, "E2E-0002", "Luis", "Martín Gil", "1958-11-02", "male");
        Ui.startConsultation(b);

        b.byId("evidence-input").sendKeys("fiebre");
        b.awaitText("evidence-status", "No disponible");

        b.byId("note-text").sendKeys("Varón con fiebre y tos productiva desde hace dos días. Niega disnea.");
        b.await("findings from the note", ExpectedConditions.presenceOfElementLocated(By.cssSelector("#finding-chips li.chip")));
        b.awaitText("ddx-status", "No disponible");
        assertThat(b.byId("ddx-panel").getAttribute("data-state")).isEqualTo("unavailable");

        Ui.prescribe(b, "Sintrom");
        Ui.prescribe(b, "ibuprofeno 600");
        b.await("an interrupting alert", ExpectedConditions.visibilityOfElementLocated(By.id("rx-interrupt")));
        assertThat(b.byId("rx-panel").getAttribute("data-state")).isEqualTo("ok");
        b.await("preventive care items", ExpectedConditions.presenceOfElementLocated(By.cssSelector("#preventive-items li.chip")));
        b.screenshot("degraded-diagnosis-es");

        b.driver.get(ui.baseUrl() + "/#/status");
        b.await("the diagnosis module shown as disabled", d -> !b.all("#status-modules tr[data-module='diagnosis'][data-state='disabled']").isEmpty());
        assertThat(b.driver.findElement(By.cssSelector("#status-modules tr[data-module='medication']")).getAttribute("data-state"))
                .isEqualTo("up");
        // The only console errors are the browser's own notes of the refused diagnosis calls.
        assertThat(Ui.consoleErrors(b)).isNotEmpty().allSatisfy(e -> assertThat(e.getMessage()).contains("503"));
    }
}
