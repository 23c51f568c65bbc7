package com.mediassist.appliance.fhir;

import ca.uhn.fhir.context.FhirContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The one HAPI {@link FhirContext} for R4. Creating it scans the model classes and takes seconds,
 * so it is made once, on first use, and shared (it is thread-safe).
 */
@ApplicationScoped
public class FhirContextProducer {

    @Produces
    @Singleton
    FhirContext fhirContext() {
        return FhirContext.forR4();
    }
}
