package com.mediassist.appliance.summary.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of the consultation summary ({@code mediassist.summary.*}). */
@ConfigMapping(prefix = "mediassist.summary")
public interface SummaryConfig {

    /**
     * Longest note accepted, in characters; longer notes get a 413 problem. Default 100000
     * (about 15 000 words, far more than any consultation note).
     */
    @WithDefault("100000")
    int maxChars();
}
