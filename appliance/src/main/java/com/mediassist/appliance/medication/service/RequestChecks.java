package com.mediassist.appliance.medication.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mediassist.appliance.failure.InvalidFieldException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.List;

/** Validation shared by the clinical-knowledge endpoints; every failure is a 400 naming the field. */
@ApplicationScoped
public class RequestChecks {

    private final ClinicalApiConfig config;
    private final ObjectMapper mapper;

    public RequestChecks(ClinicalApiConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
    }

    /**
     * Binds a JSON body strictly: an unknown field or a wrong type fails with a
     * {@link com.fasterxml.jackson.databind.JsonMappingException} whose path names the field (mapped to 400).
     *
     * @throws InvalidFieldException when there is no body or it is not a JSON object
     */
    public <T> T strict(JsonNode body, Class<T> type, String requiredField) throws IOException {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw new InvalidFieldException(requiredField, "a JSON object body is required");
        }
        if (!body.isObject()) {
            throw new InvalidFieldException(requiredField, "the body must be a JSON object");
        }
        return mapper.readerFor(type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).readValue(body);
    }

    /**
     * @return {@code list}, or an empty list when it is {@code null} and not required
     * @throws InvalidFieldException when required and missing, too long, or an entry is null, blank or too long
     */
    public List<String> texts(String field, List<String> list, boolean required) {
        if (list == null) {
            if (required) {
                throw new InvalidFieldException(field, "is required");
            }
            return List.of();
        }
        size(field, list);
        for (int i = 0; i < list.size(); i++) {
            String s = list.get(i);
            if (s == null || s.isBlank()) {
                throw new InvalidFieldException(field + "[" + i + "]", "must not be empty");
            }
            if (s.length() > config.maxEntryLength()) {
                throw new InvalidFieldException(field + "[" + i + "]",
                        "at most " + config.maxEntryLength() + " characters, got " + s.length());
            }
        }
        return list;
    }

    /** @throws InvalidFieldException when the list has more entries than allowed */
    public void size(String field, List<?> list) {
        if (list.size() > config.maxListSize()) {
            throw new InvalidFieldException(field, "at most " + config.maxListSize() + " entries, got " + list.size());
        }
    }
}
