package com.mediassist.appliance.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * One input policy for every JSON body the appliance reads (the REST API and the FHIR import,
 * which share this mapper): a field the API does not define is refused (400 naming it), and so is
 * a key given twice; nesting, numbers and strings are bounded, so that a hostile document is a 400
 * rather than a stack overflow or minutes of parsing. The FHIR import reads a tree and picks the
 * elements it knows, so unknown FHIR elements are still ignored there.
 */
@Singleton
public class JsonInputPolicy implements ObjectMapperCustomizer {

    /** Deepest nesting accepted; FHIR resources stay far below it. */
    public static final int MAX_NESTING_DEPTH = 200;
    /** Longest number, in characters. */
    public static final int MAX_NUMBER_LENGTH = 100;
    /** Longest string value, in characters (the body limit, 20 MB, bounds the whole document). */
    public static final int MAX_STRING_LENGTH = 10_000_000;
    /** Longest field name, in characters. */
    public static final int MAX_NAME_LENGTH = 1_000;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .maxNameLength(MAX_NAME_LENGTH)
                .build());
    }
}
