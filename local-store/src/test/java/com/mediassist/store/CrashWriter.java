package com.mediassist.store;

import com.mediassist.store.patients.PatientDetails;
import com.mediassist.core.knowledge.Sex;
import java.nio.file.Path;

/**
 * Child process of {@link CrashDurabilityTest}: writes patients with an audit row each, one
 * transaction per patient, and prints {@code ACK <number>} only after the commit returned, until killed.
 */
public final class CrashWriter {

    private CrashWriter() {
    }

    public static void main(String[] args) {
        try (Database db = Database.open(DatabaseOptions.defaults(Path.of(args[0])).withPasswordCost(4))) {
            System.out.println("READY");
            System.out.flush();
            for (int i = 0; ; i++) {
                String number = "CRASH-" + i;
                db.useTransaction(tx -> {
                    long id = tx.patients().create(new PatientDetails(number, "Nombre", "Apellido", null, Sex.UNKNOWN)).id();
                    tx.audit().append("crash-writer", "patient.create", id, number);
                });
                System.out.println("ACK " + number);
                System.out.flush();
            }
        }
    }
}
