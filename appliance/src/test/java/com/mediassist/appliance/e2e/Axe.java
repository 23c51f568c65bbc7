package com.mediassist.appliance.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * axe-core (the npm package {@value #VERSION}, installed by {@code bin/test} outside the project and
 * named by the system property {@value #PROPERTY}) run in the page under test against WCAG 2.0/2.1 A and AA. Every
 * report is written to {@code target/axe/NAME.json}; serious and critical violations fail the test.
 */
final class Axe {

    /** The axe-core version the test command installs from npm ({@code bin/test}). */
    static final String VERSION = "4.14.1";

    /** System property naming the installed {@code axe.min.js}; {@code bin/test} sets it. */
    static final String PROPERTY = "e2e.axe.js";

    private static final String SOURCE = load();

    private Axe() {
    }

    private static String load() {
        String path = System.getProperty(PROPERTY);
        if (path == null || path.isBlank()) {
            throw new IllegalStateException("-D" + PROPERTY + " is not set: run the browser tests through bin/test, "
                    + "which installs axe-core " + VERSION + " from npm");
        }
        try {
            String text = java.nio.file.Files.readString(java.nio.file.Path.of(path), StandardCharsets.UTF_8);
            if (!text.startsWith("/*! axe v" + VERSION)) {
                throw new IllegalStateException(path + " is not axe-core " + VERSION);
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read axe-core from " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs axe on the current page, saves the report as {@code target/axe/NAME.json} and fails on any
     * serious or critical violation, naming each rule and its first elements.
     */
    static void assertNoSeriousViolations(Browser b, String name) throws IOException {
        b.driver.manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(90));
        b.driver.executeScript(SOURCE);
        Object raw = b.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},"
                + " resultTypes: ['violations']})"
                + ".then(r => done(JSON.stringify({url: r.url, violations: r.violations})))"
                + ".catch(e => done(JSON.stringify({error: String(e)})));");
        String json = String.valueOf(raw);
        Path dir = Files.createDirectories(Path.of("target", "axe"));
        Files.writeString(dir.resolve(name + ".json"), json);
        JsonNode report = new ObjectMapper().readTree(json);
        assertThat(report.has("error")).as("axe ran on " + name + ": " + report.path("error").asText()).isFalse();
        List<String> serious = new ArrayList<>();
        for (JsonNode v : report.path("violations")) {
            String impact = v.path("impact").asText();
            if (impact.equals("serious") || impact.equals("critical")) {
                List<String> targets = new ArrayList<>();
                for (JsonNode n : v.path("nodes")) {
                    if (targets.size() < 3) {
                        targets.add(n.path("target").toString());
                    }
                }
                serious.add(impact + " " + v.path("id").asText() + " (" + v.path("help").asText() + ") at " + targets);
            }
        }
        assertThat(serious).as("serious/critical axe-core violations on " + name + " (report in target/axe)").isEmpty();
    }
}
