package com.mediassist.appliance.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The medication module switched off (issue 18, item 2): the screen says in the doctor's language
 * that it could not check; saving shows the alerts the server requires a reason for, in that
 * language, and saves with the coded reason recorded. axe-core on this degraded screen in both
 * languages.
 */
class MedicationModuleOffIT {

    private static AppUnderTest ui;

    @BeforeAll
    static void start() throws Exception {
        ui = AppUnderTest.start("medication-off", Map.of("MEDIASSIST_MODULES_DISABLED", "medication"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (ui != null) {
            ui.close();
        }
    }

    @Test
    void savingWithTheModuleOffShowsTheServersAlertsAndRecordsTheReason() throws Exception {
        ui.run(getClass(), this::run);
    }

    private void run(Browser b) throws Exception {
        Ui.logIn(b, ui.baseUrl(), ApplianceProcess.ADMIN, ApplianceProcess.ADMIN_PASSWORD);
        Ui.createPatient(b, "OFF-0001", "Antonio", "Vega Cruz", "1947-09-30", "male");
        Ui.startConsultation(b);
        Ui.prescribe(b, "Sintrom");
        Ui.prescribe(b, "ibuprofeno 600");
        b.awaitText("rx-status", "módulo desactivado en este equipo");
        assertThat(b.byId("rx-status").getText()).doesNotContain("mediassist.modules.disabled");
        b.awaitText("rx-checked", "al guardar");
        assertThat(b.byId("rx-interrupt").isDisplayed()).isFalse();
        Axe.assertNoSeriousViolations(b, "consultation-medication-off-es");

        // Saving: the server checks and answers with the alert, which the screen shows in Spanish.
        b.byId("rx-save").click();
        b.await("the server's interrupting alert", ExpectedConditions.visibilityOfElementLocated(By.id("rx-interrupt")));
        assertThat(b.byId("rx-interrupt-list").getText()).contains("acenocumarol").contains("hemorragia")
                .doesNotContain("interrupting alert(s)");
        b.awaitText("rx-status", "indique el motivo");
        assertThat(b.driver.switchTo().activeElement().getAttribute("class")).contains("rx-reason-code");
        new Select(b.driver.findElement(By.cssSelector("#rx-interrupt-list select.rx-reason-code")))
                .selectByValue("benefit-outweighs-risk");
        b.driver.findElement(By.cssSelector("#rx-interrupt-list textarea.rx-reason")).sendKeys("Dolor intenso, 3 días");
        b.byId("rx-save").click();
        b.awaitText("rx-status", "Prescripción guardada");
        b.awaitText("rx-interrupt-list", "El beneficio supera el riesgo");

        // What was stored: the coded reason and the text with the override.
        String id = b.driver.getCurrentUrl().replaceAll(".*#/consult/", "");
        Object stored = b.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('/api/v1/consultations/' + arguments[0]).then(r => r.json())"
                + ".then(c => done(JSON.stringify(c.overrides)));", id);
        assertThat(String.valueOf(stored)).contains("\"reasonCode\":\"benefit-outweighs-risk\"")
                .contains("Dolor intenso, 3 días");

        b.byId("lang-toggle").click();
        b.awaitText("rx-interrupt-list", "Benefit outweighs the risk");
        b.awaitText("rx-status", "module switched off");
        Axe.assertNoSeriousViolations(b, "consultation-medication-off-en");
        b.byId("lang-toggle").click();
    }
}
