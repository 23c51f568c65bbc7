package com.mediassist.appliance.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.mediassist.store.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, item 8: what a doctor types into a search box is patient data and never reaches the
 * log, whether the search succeeds, is refused as too long, or fails in the store. Every log record
 * the appliance writes during the searches is captured by a handler on the root logger (our own
 * packages at DEBUG) and searched for a planted word.
 */
@QuarkusTest
@TestSecurity(user = "doc", roles = "doctor")
class SearchTextIsNeverLoggedTest {

    /** Lower-case letters and digits: search folds case and accents, so the log could hold either form. */
    private static final String PLANTED = "zqplantedxv7k";

    @Inject
    Database database;

    private final Capture capture = new Capture();
    private final Logger root = Logger.getLogger("");
    private final Logger ours = Logger.getLogger("com.mediassist");
    private Level oursBefore;

    @BeforeEach
    void captureEveryLogRecord() {
        oursBefore = ours.getLevel();
        ours.setLevel(Level.FINE);
        root.addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        root.removeHandler(capture);
        ours.setLevel(oursBefore);
    }

    @Test
    void searchWordsNeverAppearInTheLogWhetherTheSearchWorksIsRefusedOrFailsInTheStore() throws Exception {
        given().queryParam("q", PLANTED).get("/api/v1/patients").then().statusCode(200);
        given().queryParam("q", "Ana " + PLANTED.toUpperCase(Locale.ROOT)).get("/api/v1/patients").then().statusCode(200);
        // The original attack: a thousand words (then a 503 whose log line held them all).
        given().queryParam("q", PLANTED + " a".repeat(999)).get("/api/v1/patients").then().statusCode(400);
        given().queryParam("q", PLANTED + "x".repeat(300)).get("/api/v1/patients").then().statusCode(400);
        given().queryParam("q", PLANTED).get("/api/v1/diagnosis/evidences").then().statusCode(200);
        given().queryParam("q", PLANTED).get("/api/v1/clinical-terms").then().statusCode(200);

        // A store failure during a search: another writer holds the lock past the busy timeout.
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + database.file());
                Statement lock = other.createStatement()) {
            lock.execute("BEGIN IMMEDIATE");
            try {
                given().queryParam("q", PLANTED).get("/api/v1/patients").then().statusCode(503);
            } finally {
                lock.execute("ROLLBACK");
            }
        }

        List<String> records = capture.texts();
        assertThat(records).as("the handler sees the appliance's records (the store failure is logged)")
                .anySatisfy(text -> assertThat(text).contains("Storage failure on"));
        assertThat(records).noneSatisfy(text -> assertThat(text.toLowerCase(Locale.ROOT)).contains(PLANTED));
    }

    /** Keeps the full text of every record: message, its parameters and any exception chain. */
    private static final class Capture extends Handler {

        private final List<String> texts = new ArrayList<>();

        Capture() {
            setLevel(Level.ALL);
        }

        @Override
        public synchronized void publish(LogRecord record) {
            StringBuilder text = new StringBuilder(record.getLoggerName()).append(' ').append(record.getMessage());
            if (record instanceof ExtLogRecord ext) {
                text.append(' ').append(ext.getFormattedMessage());
            }
            if (record.getParameters() != null) {
                text.append(' ').append(Arrays.deepToString(record.getParameters()));
            }
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                text.append(' ').append(trace);
            }
            texts.add(text.toString());
        }

        synchronized List<String> texts() {
            return List.copyOf(texts);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
