package com.mediassist.appliance.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Static checks of the browser UI's sources: every text comes from both message bundles, nothing
 * is written as HTML from data, nothing inline that the CSP would block, nothing fetched from
 * outside the appliance.
 */
class UiSourcesTest {

    private static final Path WEB = Path.of("src/main/resources/META-INF/resources");
    private static final Path BUNDLES = Path.of("src/main/resources/i18n");

    private static Properties bundle(String lang) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(BUNDLES.resolve("messages_" + lang + ".properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(WEB)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    @Test
    void spanishAndEnglishBundlesHaveTheSameKeysAndNoEmptyText() throws IOException {
        Properties es = bundle("es");
        Properties en = bundle("en");
        assertThat(new TreeSet<>(en.stringPropertyNames())).isEqualTo(new TreeSet<>(es.stringPropertyNames()));
        for (Properties p : List.of(es, en)) {
            p.stringPropertyNames().forEach(k -> assertThat(p.getProperty(k)).as(k).isNotBlank());
        }
    }

    @Test
    void everyKeyTheHtmlAndScriptsUseExistsInTheBundles() throws IOException {
        Set<String> keys = bundle("es").stringPropertyNames();
        List<String> used = new ArrayList<>();
        Pattern html = Pattern.compile("data-i18n(?:-aria-label)?=\"([^\"]+)\"");
        for (Path p : files(".html")) {
            Matcher m = html.matcher(read(p));
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        Pattern js = Pattern.compile("\\bt\\('([a-zA-Z0-9.-]+)'");
        for (Path p : files(".js")) {
            Matcher m = js.matcher(read(p));
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        assertThat(used).hasSizeGreaterThan(100);
        assertThat(used).allSatisfy(k -> assertThat(keys).as("message key used by the UI").contains(k));
    }

    @Test
    void scriptsNeverWriteDataAsHtml() throws IOException {
        for (Path p : files(".js")) {
            assertThat(read(p)).as(p.toString())
                    .doesNotContain("innerHTML").doesNotContain("outerHTML")
                    .doesNotContain("insertAdjacentHTML").doesNotContain("document.write").doesNotContain("eval(");
        }
    }

    @Test
    void htmlHasNoInlineScriptStyleOrHandlerThatTheCspWouldBlock() throws IOException {
        for (Path p : files(".html")) {
            String text = read(p);
            assertThat(text).as(p.toString()).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
            assertThat(text).as(p.toString()).doesNotContainPattern("\\sstyle=").doesNotContainPattern("<style");
            assertThat(text).as(p.toString()).doesNotContainPattern("\\son[a-z]+=");
        }
    }

    @Test
    void nothingIsLoadedFromOutsideTheAppliance() throws IOException {
        List<Path> all = new ArrayList<>(files(".html"));
        all.addAll(files(".js"));
        all.addAll(files(".css"));
        for (Path p : all) {
            assertThat(read(p)).as(p.toString()).doesNotContainPattern("(?i)https?://(?!www\\.w3\\.org/2000/svg)")
                    .doesNotContainPattern("(?i)src=\"//").doesNotContain("@import url(");
        }
    }
}
