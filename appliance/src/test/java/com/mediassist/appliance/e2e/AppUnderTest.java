package com.mediassist.appliance.e2e;

import java.io.IOException;
import java.util.Map;

/**
 * The packaged appliance started as a process together with the headless browser that drives it,
 * owned and closed as one unit by an end-to-end test class in {@code @AfterAll}. Not
 * {@link AutoCloseable}, as closing the appliance may be interrupted. A failing scenario leaves a
 * screenshot under {@code target/screenshots} before its error propagates.
 */
final class AppUnderTest {

    /** One browser scenario; may throw anything, which fails the test. */
    @FunctionalInterface
    interface Scenario {
        void run(Browser browser) throws Exception;
    }

    private final ApplianceProcess app;
    private final Browser browser;

    private AppUnderTest(ApplianceProcess app, Browser browser) {
        this.app = app;
        this.browser = browser;
    }

    /**
     * Starts the appliance, then the browser; the appliance is closed again when the browser does
     * not start.
     *
     * @param name names the appliance's data directory and log
     * @param extraEnv environment variables added to the appliance process
     */
    static AppUnderTest start(String name, Map<String, String> extraEnv) throws Exception {
        ApplianceProcess app = ApplianceProcess.start(name, extraEnv);
        try {
            return new AppUnderTest(app, new Browser());
        } catch (Exception | Error e) {
            try {
                app.close();
            } catch (InterruptedException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** @return the appliance's base URL, without a trailing slash */
    String baseUrl() {
        return app.baseUrl();
    }

    /**
     * Runs the scenario in the browser; on an assertion failure or runtime exception it saves the
     * screenshot {@code failure-<testClass simple name>} and rethrows.
     */
    void run(Class<?> testClass, Scenario scenario) throws Exception {
        try {
            scenario.run(browser);
        } catch (AssertionError | RuntimeException e) {
            browser.screenshot("failure-" + testClass.getSimpleName());
            throw e;
        }
    }

    /** Closes the browser, then the appliance, even when closing the browser fails. */
    void close() throws IOException, InterruptedException {
        try {
            browser.close();
        } finally {
            app.close();
        }
    }
}
