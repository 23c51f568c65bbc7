package com.mediassist.appliance.fhir;

import com.mediassist.core.prevention.SmokingStatus;
import com.mediassist.core.prevention.TobaccoCodes;
import com.mediassist.store.history.Coding;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/**
 * The FHIR value of a textual observation: a smoking status becomes a SNOMED CT coded value (its
 * text kept as written), a quit date a dateTime, anything else a string. {@link FhirBundleReader}
 * reads each back to the same text.
 */
final class SmokingValues {

    private SmokingValues() {
    }

    static Type value(Coding code, String text) {
        String c = code.code() == null ? "" : code.code();
        if (c.equals(TobaccoCodes.STATUS_LOINC)) {
            SmokingStatus status = TobaccoCodes.statusFromText(text);
            CodeableConcept concept = new CodeableConcept().setText(text);
            String[] snomed = TobaccoCodes.statusSnomed(status);
            concept.addCoding(new org.hl7.fhir.r4.model.Coding(TobaccoCodes.SNOMED, snomed[0], snomed[1]));
            return concept;
        }
        if (TobaccoCodes.QUIT_DATE.contains(c)) {
            try {
                return new DateTimeType(LocalDate.parse(text.strip()).toString());
            } catch (DateTimeParseException e) {
                return new StringType(text);
            }
        }
        return new StringType(text);
    }
}
