package com.mediassist.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mediassist.store.patients.PatientDetails;
import com.mediassist.core.knowledge.Sex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentWritesTest {

    @TempDir
    Path dir;

    @Test
    void concurrentWritersKeepTheAuditChainIntactAndLoseNothing() throws Exception {
        try (Database db = TestDatabases.open(dir, TestClock.at("2026-03-01T09:00:00Z"))) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int thread = t;
                    futures.add(pool.submit(() -> {
                        for (int i = 0; i < 15; i++) {
                            String number = "T" + thread + "-" + i;
                            db.useTransaction(tx -> {
                                long id = tx.patients().create(new PatientDetails(number, "N", "A", null, Sex.UNKNOWN)).id();
                                tx.audit().append("t" + thread, "patient.create", id, number);
                            });
                            db.audit().append("t" + thread, "patient.read", null, number);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            assertThat(db.patients().count()).isEqualTo(60);
            assertThat(db.audit().verify().rows()).isEqualTo(120);
        }
    }
}
