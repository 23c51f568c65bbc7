package com.mediassist.appliance.consult.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Consultation and feedback settings. */
@ConfigMapping(prefix = "mediassist.consult")
public interface ConsultConfig {

    /**
     * Source named on suggestions that come from the appliance's own knowledge rather than a model
     * bundle (medication alerts, recommended tests). Default {@code mediassist-knowledge}.
     */
    @WithDefault("mediassist-knowledge")
    String knowledgeSource();

    /** Version of that knowledge; default the application's version. */
    @WithDefault("${quarkus.application.version:0}")
    String knowledgeVersion();
}
