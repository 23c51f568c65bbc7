package com.mediassist.appliance.fhir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** The Synthea record and variants of it, one per failure case, built in memory. */
public final class FhirFixtures {

    public static final String SYNTHEA = "/fhir/synthea-r4-patient.json";
    public static final String SYNTHEA_PATIENT_NUMBER = "f07e9b1d-9cc7-465e-8abc-94e84793d1fb";
    private static final ObjectMapper JSON = new ObjectMapper();

    private FhirFixtures() {
    }

    public static ObjectNode synthea() {
        try (InputStream in = FhirFixtures.class.getResourceAsStream(SYNTHEA)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + SYNTHEA);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String syntheaText() {
        return synthea().toString();
    }

    /** The Synthea bundle with the first resource of {@code type} changed by {@code change}. */
    public static String withFirst(String type, Consumer<ObjectNode> change) {
        ObjectNode bundle = synthea();
        for (var entry : bundle.withArray("entry")) {
            ObjectNode resource = (ObjectNode) entry.get("resource");
            if (type.equals(resource.path("resourceType").asText())) {
                change.accept(resource);
                return bundle.toString();
            }
        }
        throw new IllegalArgumentException("no " + type + " in the fixture");
    }

    /** The Synthea bundle with its Patient entry removed. */
    public static String withoutPatient() {
        ObjectNode bundle = synthea();
        ArrayNode entries = bundle.withArray("entry");
        for (int i = 0; i < entries.size(); i++) {
            if ("Patient".equals(entries.get(i).path("resource").path("resourceType").asText())) {
                entries.remove(i);
                break;
            }
        }
        return bundle.toString();
    }

    /** The Synthea bundle with a second, different Patient appended. */
    public static String withSecondPatient() {
        ObjectNode bundle = synthea();
        ObjectNode second = bundle.withArray("entry").addObject();
        second.put("fullUrl", "urn:uuid:00000000-0000-0000-0000-000000000002");
        ObjectNode patient = second.putObject("resource");
        patient.put("resourceType", "Patient").put("id", "00000000-0000-0000-0000-000000000002");
        patient.putArray("name").addObject().put("family", "Otro").putArray("given").add("Paciente");
        return bundle.toString();
    }
}
