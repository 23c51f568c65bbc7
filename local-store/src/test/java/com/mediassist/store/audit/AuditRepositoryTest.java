package com.mediassist.store.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediassist.store.Database;
import com.mediassist.store.StorageFailureException;
import com.mediassist.store.TestClock;
import com.mediassist.store.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditRepositoryTest {

    @TempDir
    Path dir;

    private final TestClock clock = TestClock.at("2026-03-01T09:00:00Z");

    @BeforeEach
    void writeFiveRows() {
        try (Database db = TestDatabases.open(dir, clock)) {
            for (int i = 1; i <= 5; i++) {
                db.audit().append("doctor" + i, "patient.read", (long) i, "row " + i);
                clock.advance(Duration.ofSeconds(1));
            }
        }
    }

    @Test
    void chainsEachRowToThePreviousOne() {
        try (Database db = TestDatabases.open(dir, clock)) {
            var rows = db.audit().list(null, null, 10);
            assertThat(rows).extracting(AuditEntry::id).containsExactly(5L, 4L, 3L, 2L, 1L);
            assertThat(rows.get(4).prevHash()).isEqualTo(AuditRepository.GENESIS);
            for (int i = 0; i < 4; i++) {
                assertThat(rows.get(i).prevHash()).isEqualTo(rows.get(i + 1).hash());
            }
            AuditVerification ok = db.audit().verify();
            assertThat(ok.rows()).isEqualTo(5);
            assertThat(ok.headHash()).isEqualTo(rows.get(0).hash());
        }
    }

    @Test
    void listsOnlyTheRowsOfOnePatient() {
        try (Database db = TestDatabases.open(dir, clock)) {
            assertThat(db.audit().list(3L, null, 10)).singleElement()
                    .satisfies(e -> assertThat(e.actor()).isEqualTo("doctor3"));
        }
    }

    @Test
    void triggersRefuseUpdateAndDelete() {
        try (Database db = TestDatabases.open(dir, clock)) {
            assertThatThrownBy(() -> db.jdbi().useHandle(h -> h.execute("UPDATE audit_log SET actor = 'x' WHERE id = 2")))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> db.jdbi().useHandle(h -> h.execute("DELETE FROM audit_log WHERE id = 2")))
                    .hasMessageContaining("append-only");
            assertThat(db.audit().verify().rows()).isEqualTo(5);
        }
    }

    @Test
    void detectsARowEditedBehindTheTriggersBack() throws Exception {
        tamper("DROP TRIGGER audit_log_no_update", "UPDATE audit_log SET detail = 'nothing to see' WHERE id = 3");
        try (Database db = TestDatabases.open(dir, clock)) {
            assertThatThrownBy(() -> db.audit().verify())
                    .isInstanceOfSatisfying(AuditChainBrokenException.class, e -> {
                        assertThat(e.rowId()).isEqualTo(3);
                        assertThat(e.reason()).contains("edited");
                    });
        }
    }

    @Test
    void detectsAnEditedRowWhoseHashWasRecomputedByTheNextLink() throws Exception {
        // Whoever edits row 2 and fixes its own hash still breaks row 3's link.
        tamper("DROP TRIGGER audit_log_no_update",
                "UPDATE audit_log SET actor = 'intruder', hash = '" + "1".repeat(64) + "' WHERE id = 2");
        try (Database db = TestDatabases.open(dir, clock)) {
            assertThatThrownBy(() -> db.audit().verify())
                    .isInstanceOfSatisfying(AuditChainBrokenException.class, e -> assertThat(e.rowId()).isEqualTo(2));
        }
    }

    @Test
    void detectsADeletedRowInTheMiddle() throws Exception {
        tamper("DROP TRIGGER audit_log_no_delete", "DELETE FROM audit_log WHERE id = 3");
        try (Database db = TestDatabases.open(dir, clock)) {
            assertThatThrownBy(() -> db.audit().verify())
                    .isInstanceOfSatisfying(AuditChainBrokenException.class, e -> {
                        assertThat(e.rowId()).isEqualTo(3);
                        assertThat(e.reason()).contains("missing");
                    });
        }
    }

    @Test
    void detectsTheNewestRowsDeleted() throws Exception {
        tamper("DROP TRIGGER audit_log_no_delete", "DELETE FROM audit_log WHERE id >= 4");
        try (Database db = TestDatabases.open(dir, clock)) {
            assertThatThrownBy(() -> db.audit().verify())
                    .isInstanceOfSatisfying(AuditChainBrokenException.class, e -> assertThat(e.rowId()).isEqualTo(4));
        }
    }

    @Test
    void appendsAfterAVerifiedChainKeepTheChainValid() {
        try (Database db = TestDatabases.open(dir, clock)) {
            db.audit().append("admin", "user.add", null, null);
            assertThat(db.audit().verify().rows()).isEqualTo(6);
        }
    }

    @Test
    void refusesAnAppendWithoutActor() {
        try (Database db = TestDatabases.open(dir, clock)) {
            assertThatThrownBy(() -> db.audit().append(" ", "patient.read", 1L, null))
                    .hasMessageContaining("actor");
            assertThat(db.audit().count()).isEqualTo(5);
        }
    }

    @Test
    void reportsAStorageFailureForRawSqlErrors() {
        try (Database db = TestDatabases.open(dir, clock)) {
            assertThatThrownBy(() -> db.inTransaction(tx -> tx.handle().execute("SELECT * FROM no_such_table")))
                    .isInstanceOf(StorageFailureException.class).hasMessageContaining("no_such_table");
        }
    }

    @Test
    void detectsARowRewrittenWithTheWholeChainRecomputedWithoutTheKey() throws Exception {
        // The attacker can write the database and knows the algorithm, not the key in audit.key.
        tamper("DROP TRIGGER audit_log_no_update");
        String prev = AuditRepository.GENESIS;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("mediassist.db"));
             Statement s = c.createStatement()) {
            for (int id = 1; id <= 5; id++) {
                var rs = s.executeQuery("SELECT at, actor, action, patient_id, detail FROM audit_log WHERE id = " + id);
                rs.next();
                String actor = id == 3 ? "intruder" : rs.getString(2);
                String hash = AuditRepository.hash(id, rs.getString(1), actor, rs.getString(3), rs.getLong(4),
                        rs.getString(5), prev);
                String at = rs.getString(1);
                String action = rs.getString(3);
                rs.close();
                s.executeUpdate("UPDATE audit_log SET actor = '" + actor + "', prev_hash = '" + prev + "', hash = '" + hash
                        + "' WHERE id = " + id + " AND at = '" + at + "' AND action = '" + action + "'");
                prev = hash;
            }
        }
        try (Database db = TestDatabases.open(dir, clock)) {
            assertThatThrownBy(() -> db.audit().verify()).isInstanceOfSatisfying(AuditChainBrokenException.class,
                    e -> assertThat(e.reason()).contains("HMAC"));
        }
    }

    @Test
    void aLogWrittenBeforeTheChainWasKeyedStaysVerifiableAndPinned() throws Exception {
        // A database of the unkeyed version: SHA-256 chain, no key record, no key file.
        tamper("DELETE FROM audit_chain", "DROP TRIGGER audit_log_no_delete", "DELETE FROM audit_log",
                "DELETE FROM sqlite_sequence WHERE name = 'audit_log'");
        String prev = AuditRepository.GENESIS;
        for (int id = 1; id <= 3; id++) {
            String hash = AuditRepository.hash(id, "2026-01-01T00:00:0" + id + "Z", "old", "patient.read", (long) id, "", prev);
            tamper("INSERT INTO audit_log (id, at, actor, action, patient_id, detail, prev_hash, hash) VALUES (" + id
                    + ", '2026-01-01T00:00:0" + id + "Z', 'old', 'patient.read', " + id + ", '', '" + prev + "', '" + hash + "')");
            prev = hash;
        }
        java.nio.file.Files.delete(dir.resolve(AuditKey.FILE_NAME));
        AuditKey.forget(dir);
        try (Database db = TestDatabases.open(dir, clock)) {
            db.audit().append("doctor", "patient.read", 1L, "after the upgrade");
            assertThat(db.audit().verify().rows()).isEqualTo(4);
        }
        // Rewriting an old row and its unkeyed successors is caught by the pinned head.
        tamper("DROP TRIGGER audit_log_no_update", "UPDATE audit_log SET actor = 'intruder', hash = '"
                + AuditRepository.hash(3, "2026-01-01T00:00:03Z", "intruder", "patient.read", 3L, "",
                        db3PrevHash()) + "' WHERE id = 3");
        try (Database db = TestDatabases.open(dir, clock)) {
            assertThatThrownBy(() -> db.audit().verify()).isInstanceOfSatisfying(AuditChainBrokenException.class,
                    e -> assertThat(e.reason()).contains("before the chain was keyed"));
        }
    }

    @Test
    void aDeletedKeyRecordIsReportedNotRecreated() throws Exception {
        tamper("DELETE FROM audit_chain");
        try (Database db = TestDatabases.open(dir, clock)) {
            assertThatThrownBy(() -> db.audit().verify()).isInstanceOfSatisfying(AuditChainBrokenException.class,
                    e -> assertThat(e.reason()).contains("key record"));
        }
    }

    @Test
    void incrementalCheckCoversNewRowsAndNoticesTheCheckpointRowChanged() throws Exception {
        AuditVerification first;
        try (Database db = TestDatabases.open(dir, clock)) {
            first = db.audit().verify();
            db.audit().append("doctor6", "patient.read", 6L, "row 6");
            assertThat(db.audit().verifyAfter(first).rows()).isEqualTo(6);
        }
        tamper("DROP TRIGGER audit_log_no_update", "UPDATE audit_log SET detail = 'changed' WHERE id = 5");
        try (Database db = TestDatabases.open(dir, clock)) {
            assertThatThrownBy(() -> db.audit().verifyAfter(first)).isInstanceOfSatisfying(AuditChainBrokenException.class,
                    e -> assertThat(e.rowId()).isEqualTo(5));
        }
    }

    private String db3PrevHash() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("mediassist.db"));
             Statement s = c.createStatement(); var rs = s.executeQuery("SELECT prev_hash FROM audit_log WHERE id = 3")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private void tamper(String... sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("mediassist.db"));
             Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.executeUpdate(statement);
            }
        }
    }
}
