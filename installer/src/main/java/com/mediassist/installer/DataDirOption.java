package com.mediassist.installer;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data-dir} option every command shares. */
public final class DataDirOption {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory holding mediassist.db (default: $MEDIASSIST_DATA_DIR, else ./data).")
    Path dataDir;
}
