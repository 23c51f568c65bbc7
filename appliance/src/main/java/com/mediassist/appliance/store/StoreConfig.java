package com.mediassist.appliance.store;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/** Where the appliance keeps its data, under {@code mediassist} (env {@code MEDIASSIST_DATA_DIR}). */
@ConfigMapping(prefix = "mediassist")
public interface StoreConfig {

    /**
     * The data directory: the SQLite database {@code mediassist.db}, the session key and backups.
     * Created when missing. Default {@code ./data}, relative to the working directory.
     */
    @WithDefault("./data")
    Path dataDir();
}
