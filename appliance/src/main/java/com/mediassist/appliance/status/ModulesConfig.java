package com.mediassist.appliance.status;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/** Which modules are in service. */
@ConfigMapping(prefix = "mediassist.modules")
public interface ModulesConfig {

    /**
     * Modules taken out of service, by id ({@code diagnosis}, {@code medication},
     * {@code recommended-tests}, {@code preventive-care}, {@code summary}); their endpoints answer 503.
     * Default: none. Env: {@code MEDIASSIST_MODULES_DISABLED=diagnosis,summary}.
     */
    Optional<List<String>> disabled();
}
