package com.mediassist.appliance.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How often the audit chain is checked, under {@code mediassist.audit}. */
@ConfigMapping(prefix = "mediassist.audit")
public interface AuditChainConfig {

    /**
     * Interval of the incremental check of rows written since the last one (the full chain is
     * checked at start-up). Default 10 minutes.
     */
    @WithDefault("PT10M")
    Duration verifyInterval();
}
