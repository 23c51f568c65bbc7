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
 * and preventive details reachable by keyboard.
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
            List<String> bands = b.all("#ddx-list li.ddx-row").stream().map(r -> r.getAttribute("data-band")).toList();
            assertThat(bands).isNotEmpty().allSatisfy(band -> assertThat(band).isIn("high", "medium", "low"));
            assertThat(b.all("#ddx-list li.ddx-row .ddx-prob")).allSatisfy(p ->
                    assertThat(p.getText()).as("a band, not false precision").doesNotContainPattern("\\d"));
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
