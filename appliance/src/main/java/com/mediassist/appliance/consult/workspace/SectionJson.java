package com.mediassist.appliance.consult.workspace;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * Writes a {@link WorkspaceView.Section} as {@code {"status", "answer", "problem"}}; a section that
 * carries its JSON already ({@link #rendered}) is copied as it is. The consultation view keeps the
 * engines' answers while their inputs are unchanged ({@link SectionMemo}), and the largest of them
 * (preventive care, the medication check, the differential) would otherwise be written again, field by
 * field, for every view of every update.
 */
final class SectionJson extends StdSerializer<WorkspaceView.Section<?>> {

    @SuppressWarnings({"unchecked", "rawtypes"})
    SectionJson() {
        super((Class) WorkspaceView.Section.class);
    }

    @Override
    public void serialize(WorkspaceView.Section<?> section, JsonGenerator gen, SerializerProvider provider) throws IOException {
        if (section.json() != null) {
            gen.writeRawValue(section.json());
            return;
        }
        gen.writeStartObject(section);
        provider.defaultSerializeField("status", section.status(), gen);
        provider.defaultSerializeField("answer", section.answer(), gen);
        provider.defaultSerializeField("problem", section.problem(), gen);
        gen.writeEndObject();
    }

    /**
     * The section with its JSON as {@code json} writes it, for a section that is kept and shown again;
     * the section as it is when it cannot be written (the view then writes it and reports the failure).
     */
    static <T> WorkspaceView.Section<T> rendered(WorkspaceView.Section<T> section, ObjectMapper json) {
        try {
            return new WorkspaceView.Section<>(section.status(), section.answer(), section.problem(),
                    new SerializedString(json.writeValueAsString(section)));
        } catch (IOException e) {
            return section;
        }
    }
}
