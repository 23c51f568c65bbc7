package com.mediassist.appliance.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * The consultation screen of issue 18, items 4, 8 and 9, in the browser: probability bands and the
 * "No descartar" tier with its red flags; the patient's context strip, a history item added from the
 * screen, and the generated note carrying history, findings, answers, prescriptions, override reasons
 * and tests; at 1366×768 findings, questions, tests and "Firmar" reachable without scrolling the page,
 * and preventive details reachable by keyboard. A slow answer for the previous patient never lands in
 * the next patient's panel (issue 16).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsultationContextIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static AppUnderTest ui;

    @BeforeAll
    static void start() throws Exception {
        ui = AppUnderTest.start("consultation-context", Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        if (ui != null) {
            ui.close();
        }
    }

    @Test
    @Order(1)
    void pleuriticPainWithDyspnoeaListsPulmonaryEmbolismUnderNoDescartarWithItsRedFlagsAndBandsNotPercentages() throws Exception {
        ui.run(getClass(), b -> {
            Ui.newConsultation(b, ui.baseUrl(), "CTX-0001", "Julia", "Navas Prieto", "1972-05-20", "female");
            // Pain that worsens on breathing deeply (pleuritic) and shortness of breath, picked by code.
            Ui.addEvidence(b, "E_53");
            Ui.addEvidence(b, "E_220");
            Ui.addEvidence(b, "E_66");
            String pe = b.await("pulmonary embolism in the no-descartar tier", d -> d.findElements(
                    By.cssSelector("#ddx-redflags:not([hidden]) #ddx-redflag-list li[data-code='pulmonary-embolism']")).stream()
                    .map(WebElement::getText).findFirst().orElse(null));
            assertThat(pe).contains("Tromboembolia pulmonar").as("with the red flags that put it there")
                    .containsIgnoringCase("respirar");
            // Read in one go: a newer view re-renders the rows.
            JsonNode rows = JSON.readTree(String.valueOf(b.driver.executeScript(
                    "return JSON.stringify([...document.querySelectorAll('#ddx-list li.ddx-row')]"
                            + ".map((r) => ({ band: r.dataset.band, text: r.querySelector('.ddx-prob').textContent })))")));
            assertThat(rows).isNotEmpty().allSatisfy(r -> {
                assertThat(r.path("band").asText()).isIn("high", "medium", "low");
                assertThat(r.path("text").asText()).as("a band, not false precision").doesNotContainPattern("\\d");
            });
            Ui.assertNoConsoleErrors(b);
        });
    }

    @Test
    @Order(2)
    void theContextStripShowsTheRecordAndTheGeneratedNoteCarriesEverythingRecordedOnTheScreen() throws Exception {
        ui.run(getClass(), b -> {
            Ui.newConsultation(b, ui.baseUrl(), "CTX-0002", "Ramón", "Gil Ortiz", "1950-10-02", "male");
            addHistory(b, "conditions", "Hipertensión arterial");
            addHistory(b, "medications", "Enalapril 10 mg");
            addHistory(b, "allergies", "Penicilina");
            b.await("the three lists in the strip", d -> b.byId("context-conditions").getText().contains("Hipertensión arterial")
                    && b.byId("context-medications").getText().contains("Enalapril 10 mg")
                    && b.byId("context-allergies").getText().contains("Penicilina"));

            Ui.addEvidence(b, "fiebre");
            WebElement question = b.await("a next question",
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector("#question-list li.question")));
            String asked = question.findElement(By.cssSelector(".question-text")).getText();
            question.findElement(By.cssSelector(".question-answers button:last-child")).click();
            b.await("the answer recorded", d -> b.byId("evidence-chips").getText().contains(asked));
            b.byId("note-text").sendKeys("Varón con fiebre y tos desde ayer.");
            b.await("findings from the note", ExpectedConditions.presenceOfElementLocated(By.cssSelector("#finding-chips li.chip")));
            b.await("recommended tests", ExpectedConditions.presenceOfElementLocated(By.cssSelector("#test-list li.test")));
            String firstTest = b.all("#test-list li.test strong").get(0).getText();

            Ui.prescribe(b, "Sintrom");
            Ui.prescribe(b, "ibuprofeno 600");
            b.await("an interrupting alert", ExpectedConditions.visibilityOfElementLocated(By.id("rx-interrupt")));
            b.await("the check settled", d -> "false".equals(b.byId("rx-answer").getAttribute("data-stale"))
                    && b.byId("rx-answer").getText().contains("Respuesta"));
            for (WebElement select : b.all("#rx-interrupt-list select.rx-reason-code")) {
                new Select(select).selectByValue("monitoring-planned");
            }
            b.byId("rx-save").click();
            b.awaitText("rx-status", "Prescripción guardada");

            b.byId("summary-generate").click();
            String note = b.await("the generated note", d -> {
                String v = b.byId("summary-text").getAttribute("value");
                return v.isBlank() ? null : v;
            });
            assertThat(note).as("history").contains("Hipertensión arterial").contains("Enalapril 10 mg").contains("Penicilina")
                    .as("picked findings and answers").contains("Fiebre").contains(asked)
                    .as("prescriptions").contains("Sintrom").contains("ibuprofeno 600")
                    .as("override reasons").contains("Se hará seguimiento")
                    .as("tests").contains(firstTest);
        });
    }

    @Test
    @Order(3)
    void at1366x768TheWorkingPanelsAndSignOffAreReachableWithoutScrollingThePageAndPreventiveDetailsByKeyboard() throws Exception {
        ui.run(getClass(), b -> {
            Ui.newConsultation(b, ui.baseUrl(), "CTX-0003", "Elena", "Ruiz Mora", "1958-03-14", "female");
            Ui.addEvidence(b, "fiebre");
            Ui.addEvidence(b, "tos");
            b.byId("note-text").sendKeys("Mujer con tos y fiebre. Niega disnea.");
            b.await("findings from the note", ExpectedConditions.presenceOfElementLocated(By.cssSelector("#finding-chips li.chip")));
            b.await("next questions", ExpectedConditions.presenceOfElementLocated(By.cssSelector("#question-list li.question")));
            b.await("recommended tests", ExpectedConditions.presenceOfElementLocated(By.cssSelector("#test-list li.test")));
            b.driver.executeScript("window.scrollTo(0, 0)");
            assertThat(((Number) b.driver.executeScript("return window.innerWidth")).intValue()).isEqualTo(1366);
            assertThat(((Number) b.driver.executeScript("return window.innerHeight")).intValue()).isEqualTo(768);
            assertThat((Boolean) b.driver.executeScript(
                    "return document.scrollingElement.scrollHeight <= window.innerHeight + 1"))
                    .as("the page itself does not scroll: each column scrolls on its own").isTrue();
            for (String id : List.of("finding-chips", "question-list", "test-list", "summary-sign")) {
                JsonNode at = JSON.readTree(String.valueOf(b.driver.executeScript("""
                        const el = document.getElementById(arguments[0]);
                        el.scrollIntoView({ block: 'nearest' });
                        const r = el.getBoundingClientRect();
                        return JSON.stringify({ top: r.top, left: r.left, right: r.right, pageY: window.scrollY,
                          vh: window.innerHeight, vw: window.innerWidth });""", id)));
                assertThat(at.path("pageY").asDouble()).as(id + ": reached without scrolling the page").isZero();
                assertThat(at.path("top").asDouble()).as(id + ": top inside the viewport").isBetween(0.0, at.path("vh").asDouble() - 10);
                assertThat(at.path("right").asDouble()).as(id + ": inside the viewport's width").isLessThanOrEqualTo(at.path("vw").asDouble());
            }
            // At first sight (no column scrolled), the findings and the first next question are on screen.
            b.driver.executeScript("document.querySelectorAll('.grid-consult .col').forEach((c) => { c.scrollTop = 0; })");
            for (String css : List.of("#finding-chips li.chip", "#question-list li.question")) {
                double top = ((Number) b.driver.executeScript(
                        "return document.querySelector(arguments[0]).getBoundingClientRect().top", css)).doubleValue();
                assertThat(top).as(css + " above the fold").isBetween(0.0, 768.0);
            }

            // Preventive details open from the keyboard (a disclosure, not a title tooltip).
            b.await("preventive care", ExpectedConditions.presenceOfElementLocated(By.cssSelector("#preventive-items li.chip")));
            assertThat(b.all("#preventive-items [title]")).isEmpty();
            WebElement summary = b.driver.findElement(By.cssSelector("#preventive-items details.prev-details > summary"));
            b.driver.executeScript("arguments[0].focus()", summary);
            assertThat(b.driver.switchTo().activeElement()).isEqualTo(summary);
            summary.sendKeys(Keys.ENTER);
            WebElement detail = b.await("the item's details open", d -> d.findElements(
                    By.cssSelector("#preventive-items details.prev-details[open] .prev-detail")).stream()
                    .filter(WebElement::isDisplayed).findFirst().orElse(null));
            assertThat(detail.getText()).isNotBlank();
            Ui.assertNoConsoleErrors(b);
        });
    }

    @Test
    @Order(4)
    void aSlowAnswerForThePreviousPatientNeverLandsInTheNextPatientsPanel() throws Exception {
        ui.run(getClass(), b -> {
            Ui.newConsultation(b, ui.baseUrl(), "SLOW-0001", "Ana", "Previa Ruiz", "1960-01-01", "female");
            String first = b.driver.getCurrentUrl().replaceAll(".*#/consult/", "");
            // A fresh page: the patients screen's "new patient" disclosure starts closed again.
            b.driver.navigate().refresh();
            b.await("the UI", d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
            Ui.createPatient(b, "SLOW-0002", "Berta", "Siguiente Gil", "1962-02-02", "female");
            Ui.startConsultation(b);
            String second = b.driver.getCurrentUrl().replaceAll(".*#/consult/", "");
            b.driver.executeScript("location.hash = '#/consult/' + arguments[0]", first);
            b.awaitText("topbar-patient", "Previa Ruiz");
            Ui.awaitLoaded(b);
            WebElement input = b.byId("evidence-input");
            input.sendKeys("tos");
            b.await("evidence options", ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#evidence-options li")));
            input.sendKeys(Keys.ENTER);
            b.await("value row", ExpectedConditions.visibilityOfElementLocated(By.id("evidence-value-row")));
            // The first patient's answer is slow (3 s, inside the screen's budget): the doctor moves on to
            // the next patient, whose screen is complete before that answer arrives.
            b.driver.executeScript("""
                    const slow = '/api/v1/consultations/' + arguments[0] + '/commands';
                    const original = window.fetch;
                    window.fetch = (url, options) => {
                      const answer = original(url, options);
                      return String(url).includes(slow)
                        ? new Promise((resolve, reject) => answer.then(
                          (r) => setTimeout(() => { window.slowDelivered = true; resolve(r); }, 3000),
                          (e) => setTimeout(() => { window.slowDelivered = true; reject(e); }, 3000)))
                        : answer;
                    };""", first);
            b.byId("evidence-add").click();
            b.driver.executeScript("location.hash = '#/consult/' + arguments[0]", second);
            b.awaitText("topbar-patient", "Siguiente Gil");
            b.await("the second patient's view", d -> "ok".equals(b.byId("ddx-panel").getAttribute("data-state"))
                    && b.all("#evidence-chips li.chip").isEmpty());
            // The first patient's answer has been delivered by now (the server applied the command)...
            b.await("the first patient's command applied", d -> String.valueOf(((org.openqa.selenium.JavascriptExecutor) d)
                    .executeAsyncScript("const done = arguments[arguments.length - 1];"
                            + "fetch('/api/v1/consultations/' + arguments[0]).then(r => r.json())"
                            + ".then(c => done(JSON.stringify(c.evidences)));", first)).contains("E_201"));
            // ...and delivered to the page, which handled it (a moment later)...
            b.await("the slow answer delivered", d -> Boolean.TRUE.equals(b.driver.executeScript("return window.slowDelivered === true")));
            b.driver.executeAsyncScript("const done = arguments[arguments.length - 1]; setTimeout(done, 500);");
            // ...and the second patient's panel never showed it.
            assertThat(b.all("#evidence-chips li.chip")).isEmpty();
            assertThat(b.byId("topbar-patient").getText()).contains("Siguiente Gil");
        });
    }

    /** Adds one item to the patient's record with the strip's form. */
    private static void addHistory(Browser b, String kind, String text) {
        WebElement form = b.byId("context-form");
        if (!form.isDisplayed()) {
            b.driver.findElement(By.cssSelector("#context-panel details > summary")).click();
        }
        new Select(b.byId("context-kind")).selectByValue(kind);
        b.byId("context-text").sendKeys(text);
        b.byId("context-text").sendKeys(Keys.ENTER);
        b.awaitText("context-" + kind, text);
    }
}
