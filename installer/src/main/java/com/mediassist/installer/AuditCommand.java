package com.mediassist.installer;

import com.mediassist.store.Database;
import com.mediassist.store.audit.AuditChainBrokenException;
import com.mediassist.store.audit.AuditVerification;
import picocli.CommandLine.Command;

/** {@code audit verify}. */
@Command(name = "audit", description = "Audit log.", subcommands = AuditCommand.Verify.class)
final class AuditCommand {

    @Command(name = "verify", description = "Check the audit log's hash chain; exit 1 and name the first broken row "
            + "when a row was edited or deleted.")
    static final class Verify extends StoreCommand {

        @Override
        public Integer call() {
            try (Database db = open()) {
                AuditVerification ok = db.audit().verify();
                out().println("PASS audit chain intact: " + ok.rows() + " rows, head hash " + ok.headHash());
                return MediAssistCli.EXIT_OK;
            } catch (AuditChainBrokenException e) {
                out().println("FAIL audit chain broken at row " + e.rowId() + ": " + e.reason());
                return MediAssistCli.EXIT_FAILED;
            }
        }
    }
}
