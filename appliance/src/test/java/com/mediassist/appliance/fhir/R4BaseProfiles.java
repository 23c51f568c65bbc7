package com.mediassist.appliance.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/**
 * HAPI's instance validator against the FHIR R4 base profiles only, offline: the structure
 * definitions and value sets shipped in {@code hapi-fhir-validation-resources-r4}, HAPI's in-memory
 * terminology (FHIR's own code systems, UCUM, languages, countries…) and no terminology server, so
 * codes of systems it cannot hold (SNOMED CT, LOINC, CVX) are warnings, not errors. Built once (it
 * loads and snapshots every base profile); thread-safe.
 */
final class R4BaseProfiles {

    private static final FhirValidator VALIDATOR = build();

    private R4BaseProfiles() {
    }

    private static FhirValidator build() {
        FhirContext r4 = FhirContext.forR4();
        ValidationSupportChain support = new ValidationSupportChain(new DefaultProfileValidationSupport(r4),
                new CommonCodeSystemsTerminologyService(r4), new InMemoryTerminologyServerValidationSupport(r4),
                new SnapshotGeneratingValidationSupport(r4));
        return r4.newValidator().registerValidatorModule(new FhirInstanceValidator(support));
    }

    /**
     * The messages of severity ERROR or FATAL for {@code json}, each as "SEVERITY location: message".
     * Fails the test if the validator tried to open a connection to anything but this machine
     * (every such attempt is sent to a closed local port, so none leaves the box).
     */
    static List<String> errors(String json) {
        List<URI> outside = new CopyOnWriteArrayList<>();
        ProxySelector previous = ProxySelector.getDefault();
        ProxySelector.setDefault(new NoConnectionsOut(outside));
        List<SingleValidationMessage> messages;
        try {
            messages = VALIDATOR.validateWithResult(json).getMessages();
        } finally {
            ProxySelector.setDefault(previous);
        }
        assertThat(outside).as("connections the validator tried to open").isEmpty();
        return messages.stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(m -> m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage())
                .toList();
    }

    /** Records every non-loopback destination and routes it to the discard port, which is closed. */
    private static final class NoConnectionsOut extends ProxySelector {

        private final List<URI> outside;

        NoConnectionsOut(List<URI> outside) {
            this.outside = outside;
        }

        @Override
        public List<Proxy> select(URI uri) {
            String host = uri.getHost();
            if ("127.0.0.1".equals(host) || "localhost".equals(host)) {
                return List.of(Proxy.NO_PROXY);
            }
            outside.add(uri);
            Proxy.Type type = "socket".equals(uri.getScheme()) ? Proxy.Type.SOCKS : Proxy.Type.HTTP;
            return List.of(new Proxy(type, new InetSocketAddress("127.0.0.1", 9)));
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException e) {
            // Expected for every destination sent to the closed port; already recorded.
        }
    }
}
