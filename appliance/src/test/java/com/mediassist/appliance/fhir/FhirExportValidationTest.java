package com.mediassist.appliance.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mediassist.store.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: the appliance's FHIR export of a realistic record (every history kind, hand-entered
 * and imported, a date of death, smoking history, a signed note) is valid against the FHIR R4 base
 * profiles according to HAPI's validator ({@link R4BaseProfiles}): no message of severity ERROR or
 * FATAL. The same validator finds the errors of an export spoilt on purpose, so a clean result is
 * not the validator seeing nothing.
 */
@QuarkusTest
@TestSecurity(user = "dr-roundtrip", roles = "doctor")
class FhirExportValidationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Database database;
    @Inject
    FhirExportService exports;

    @Test
    void theExportOfARealisticRecordHasNoErrorAgainstTheR4BaseProfiles() {
        long id = FhirFixtures.realisticRecord(database, "validated-" + UUID.randomUUID());

        List<String> errors = R4BaseProfiles.errors(exports.export(id));

        assertThat(errors).isEmpty();
    }

    @Test
    void anExportSpoiltOnPurposeGetsErrorsNamingWhatIsWrong() throws Exception {
        long id = FhirFixtures.realisticRecord(database, "spoilt-" + UUID.randomUUID());
        ObjectNode bundle = (ObjectNode) JSON.readTree(exports.export(id));
        for (var entry : bundle.withArray("entry")) {
            ObjectNode resource = (ObjectNode) entry.get("resource");
            switch (resource.get("resourceType").asText()) {
                case "Patient" -> resource.put("gender", "hombre");
                case "Observation" -> resource.remove("status");
                case "AllergyIntolerance" -> resource.put("criticality", "very-high");
                default -> {
                }
            }
        }

        List<String> errors = R4BaseProfiles.errors(bundle.toString());

        assertThat(errors).anySatisfy(e -> assertThat(e).contains("Patient").contains("hombre"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("Observation").contains("status"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("AllergyIntolerance").contains("very-high"));
    }
}
