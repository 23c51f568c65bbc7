package com.mediassist.appliance.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.mediassist.store.StoreException;
import com.mediassist.store.history.ConditionStatus;
import com.mediassist.store.history.Criticality;
import com.mediassist.store.history.HistoryKind;
import com.mediassist.store.history.MedicationStatus;
import com.mediassist.store.history.ProcedureCategory;
import com.mediassist.core.knowledge.Sex;
import com.mediassist.store.users.Role;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.function.Function;

/**
 * JSON for the store's records: enums as their lower-case codes ({@code "on-hold"}, {@code "female"},
 * {@code "conditions"}) both ways; an unknown code is a 400 naming the field and the codes allowed.
 */
@Singleton
public class StoreJsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("mediassist-store-codes");
        register(module, Sex.class, Sex::code, Sex::fromCode);
        register(module, Role.class, Role::code, Role::fromCode);
        register(module, ConditionStatus.class, ConditionStatus::code, ConditionStatus::fromCode);
        register(module, MedicationStatus.class, MedicationStatus::code, MedicationStatus::fromCode);
        register(module, Criticality.class, Criticality::code, Criticality::fromCode);
        register(module, com.mediassist.store.history.ImmunizationStatus.class,
                com.mediassist.store.history.ImmunizationStatus::code,
                com.mediassist.store.history.ImmunizationStatus::fromCode);
        register(module, ProcedureCategory.class, ProcedureCategory::code, ProcedureCategory::fromCode);
        register(module, HistoryKind.class, HistoryKind::plural, HistoryKind::fromName);
        mapper.registerModule(module);
    }

    private static <E extends Enum<E>> void register(SimpleModule module, Class<E> type, Function<E, String> code,
            Function<String, E> parse) {
        module.addSerializer(type, new JsonSerializer<E>() {
            @Override
            public void serialize(E value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(code.apply(value));
            }
        });
        module.addDeserializer(type, new JsonDeserializer<E>() {
            @Override
            public E deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                if (p.currentToken() != JsonToken.VALUE_STRING) {
                    throw InvalidFormatException.from(p, "expected a string code", p.getText(), type);
                }
                String text = p.getText();
                try {
                    return parse.apply(text);
                } catch (StoreException e) {
                    String message = e.getMessage();
                    int colon = message.indexOf(": ");
                    throw InvalidFormatException.from(p, colon > 0 ? message.substring(colon + 2) : message, text, type);
                }
            }
        });
    }
}
