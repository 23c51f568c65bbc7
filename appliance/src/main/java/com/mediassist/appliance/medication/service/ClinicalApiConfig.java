package com.mediassist.appliance.medication.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the medication, recommended-tests and preventive-care endpoints. */
@ConfigMapping(prefix = "mediassist.clinical-api")
public interface ClinicalApiConfig {

    /** Most entries accepted in one list of a request (medications, allergies, conditions, differential); default 100. */
    @WithDefault("100")
    int maxListSize();

    /** Longest accepted text of one entry, in characters; default 300. */
    @WithDefault("300")
    int maxEntryLength();
}
