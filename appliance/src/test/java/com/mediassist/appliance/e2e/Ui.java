package com.mediassist.appliance.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** Steps of the doctor's UI shared by the end-to-end tests. */
final class Ui {

    private Ui() {
    }

    static void logIn(Browser b, String baseUrl, String user, String password) {
        b.driver.get(baseUrl + "/login");
        b.byId("j_username").sendKeys(user);
        b.byId("j_password").sendKeys(password);
        b.byId("j_password").submit();
        b.await("the UI to load after login", d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    }

    /** Creates a patient through the patients screen and returns the history panel's heading. */
    static String createPatient(Browser b, String number, String given, String family, String birthIso, String sex) {
        b.driver.get(b.driver.getCurrentUrl().replaceAll("#.*$", "") + "#/patients");
        b.await("patients view", ExpectedConditions.visibilityOfElementLocated(By.id("view-patients")));
        b.byId("patient-create-block").findElement(By.tagName("summary")).click();
        b.byId("new-number").sendKeys(number);
        b.byId("new-given").sendKeys(given);
        b.byId("new-family").sendKeys(family);
        // Date inputs take the digits in the browser locale's order; set the value directly instead.
        b.driver.executeScript("arguments[0].value = arguments[1];", b.byId("new-birth"), birthIso);
        new Select(b.byId("new-sex")).selectByValue(sex);
        b.byId("patient-create-button").click();
        b.await("history panel of the new patient", ExpectedConditions.visibilityOfElementLocated(By.id("history-body")));
        return b.awaitText("history-patient", family);
    }

    /** Logs in as the admin, creates a patient and starts a consultation for them. */
    static void newConsultation(Browser b, String baseUrl, String number, String given, String family, String birthIso,
            String sex) {
        logIn(b, baseUrl, ApplianceProcess.ADMIN, ApplianceProcess.ADMIN_PASSWORD);
        createPatient(b, number, given, family, birthIso, sex);
        startConsultation(b);
    }

    static void startConsultation(Browser b) {
        b.byId("start-consultation").click();
        b.await("consultation screen", d -> d.getCurrentUrl().matches(".*#/consult/\\d+$"));
        b.await("consultation view", ExpectedConditions.visibilityOfElementLocated(By.id("view-consult")));
        awaitLoaded(b);
    }

    /** Waits until the consultation on screen has loaded: its inputs are locked until then. */
    static void awaitLoaded(Browser b) {
        b.await("the consultation loaded", d -> "true".equals(d.findElement(By.id("view-consult")).getAttribute("data-loaded")));
    }

    /** Picks the first evidence offered for {@code query} with the keyboard and records it present. */
    static void addEvidence(Browser b, String query) {
        WebElement input = b.byId("evidence-input");
        input.clear();
        input.sendKeys(query);
        b.await("evidence options for " + query, ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#evidence-options li")));
        input.sendKeys(Keys.ENTER);
        b.await("value row", ExpectedConditions.visibilityOfElementLocated(By.id("evidence-value-row")));
        WebElement select = b.byId("evidence-value");
        if (select.isDisplayed()) {
            new Select(select).selectByIndex(1);
        }
        b.byId("evidence-add").click();
    }

    static String differentialText(Browser b) {
        return b.byId("ddx-list").getText();
    }

    static List<WebElement> differentialRows(Browser b) {
        return b.all("#ddx-list li.ddx-row");
    }

    static void prescribe(Browser b, String drug) {
        WebElement input = b.byId("rx-input");
        input.sendKeys(drug);
        input.sendKeys(Keys.ENTER);
        b.await(drug + " in the prescription", d -> !d.findElements(By.cssSelector("#rx-list li.rx-row[data-drug='" + drug + "']")).isEmpty());
    }

    /**
     * No console errors, except the browser's note of a 404 for the diagnosis scope statement, which a
     * server without that endpoint answers (the screen then hides the statement).
     */
    static void assertNoConsoleErrors(Browser b) {
        assertThat(consoleErrors(b)).as("browser console errors").isEmpty();
    }

    /** The console's errors since the last call, without the 404 of a missing scope statement. */
    static List<org.openqa.selenium.logging.LogEntry> consoleErrors(Browser b) {
        return b.drainConsoleErrors().stream()
                .filter(e -> !(e.getMessage().contains("/api/v1/diagnosis/scope") && e.getMessage().contains("404")))
                .toList();
    }
}
