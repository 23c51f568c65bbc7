package com.mediassist.installer;

import com.mediassist.store.Database;
import com.mediassist.store.DatabaseOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Base of the commands that work on the data directory. */
abstract class StoreCommand implements Callable<Integer> {

    /** Actor written to the audit log for changes made from the command line. */
    static final String ACTOR = "installer";

    @Mixin
    DataDirOption dataDirOption;

    @Spec
    CommandSpec spec;

    CliContext context() {
        return ((MediAssistCli) spec.root().userObject()).context();
    }

    Path dataDir() {
        return context().dataDir(dataDirOption.dataDir);
    }

    DatabaseOptions options() {
        return DatabaseOptions.defaults(dataDir()).withClock(context().clock())
                .withPasswordCost(context().passwordCost());
    }

    Database open() {
        return Database.open(options());
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
