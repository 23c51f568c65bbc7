package com.mediassist.store.bench;

import com.mediassist.store.Database;
import com.mediassist.store.DatabaseOptions;
import com.mediassist.store.patients.PatientDetails;
import com.mediassist.core.knowledge.Sex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Write and read throughput of the store on a real file with {@code synchronous=FULL}: what a
 * clinic gets per second of clinical writes (each one fsynced before it is acknowledged).
 *
 * <p>Run: {@code bin/bench local-store StoreWriteBenchmark -f 1 -wi 2 -i 3 -w 2s -r 3s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StoreWriteBenchmark {

    private Path dir;
    private Database db;
    private long counter;
    private long patientId;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("bench-store");
        db = Database.open(DatabaseOptions.defaults(dir));
        for (int i = 0; i < 2000; i++) {
            db.patients().create(new PatientDetails("SEED-" + i, "José" + i, "García Núñez", null, Sex.MALE));
        }
        patientId = db.patients().findByNumber("SEED-1000").orElseThrow().id();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        db.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** One transaction: register a patient and append its audit row (what the REST create does). */
    @Benchmark
    public long createPatientWithAudit() {
        String number = "B-" + (counter++);
        return db.inTransaction(tx -> {
            long id = tx.patients().create(new PatientDetails(number, "Ana", "López", null, Sex.FEMALE)).id();
            tx.audit().append("bench", "patient.create", id, number);
            return id;
        });
    }

    /** One transaction: an audit row alone (what every patient read costs on top of the read). */
    @Benchmark
    public long auditAppend() {
        return db.audit().append("bench", "patient.read", patientId, null).id();
    }

    /** A read: fetch one patient by id (autocommit, no fsync). */
    @Benchmark
    public Object readPatient() {
        return db.patients().get(patientId);
    }

    /** A search over 2000+ patients by accent-free name fragment. */
    @Benchmark
    public Object searchByName() {
        return db.patients().search("jose garcia", 0, 20);
    }
}
