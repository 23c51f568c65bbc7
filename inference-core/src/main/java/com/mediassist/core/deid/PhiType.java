package com.mediassist.core.deid;

import com.mediassist.core.knowledge.Language;
import java.util.Optional;

/**
 * The 29 protected-health-information types of the MEDDOCAN annotation guidelines (Plan TL / BSC),
 * each with the tag of the surrogate that replaces it in Spanish and English.
 */
public enum PhiType {
    NOMBRE_SUJETO_ASISTENCIA("[NOMBRE]", "[NAME]"),
    NOMBRE_PERSONAL_SANITARIO("[NOMBRE]", "[NAME]"),
    EDAD_SUJETO_ASISTENCIA("[EDAD]", "[AGE]"),
    SEXO_SUJETO_ASISTENCIA("[SEXO]", "[SEX]"),
    FAMILIARES_SUJETO_ASISTENCIA("[FAMILIAR]", "[RELATIVE]"),
    FECHAS("[FECHA]", "[DATE]"),
    CALLE("[DIRECCION]", "[ADDRESS]"),
    TERRITORIO("[LUGAR]", "[LOCATION]"),
    PAIS("[PAIS]", "[COUNTRY]"),
    CORREO_ELECTRONICO("[CORREO]", "[EMAIL]"),
    NUMERO_TELEFONO("[TELEFONO]", "[PHONE]"),
    NUMERO_FAX("[FAX]", "[FAX]"),
    DIREC_PROT_INTERNET("[URL]", "[URL]"),
    URL_WEB("[URL]", "[URL]"),
    ID_SUJETO_ASISTENCIA("[ID]", "[ID]"),
    ID_CONTACTO_ASISTENCIAL("[ID]", "[ID]"),
    ID_ASEGURAMIENTO("[ID]", "[ID]"),
    ID_TITULACION_PERSONAL_SANITARIO("[ID]", "[ID]"),
    ID_EMPLEO_PERSONAL_SANITARIO("[ID]", "[ID]"),
    IDENTIF_VEHICULOS_NRSERIE_PLACAS("[ID]", "[ID]"),
    IDENTIF_DISPOSITIVOS_NRSERIE("[ID]", "[ID]"),
    NUMERO_BENEF_PLAN_SALUD("[ID]", "[ID]"),
    OTRO_NUMERO_IDENTIF("[ID]", "[ID]"),
    IDENTIF_BIOMETRICOS("[ID]", "[ID]"),
    HOSPITAL("[HOSPITAL]", "[HOSPITAL]"),
    CENTRO_SALUD("[CENTRO_SALUD]", "[CLINIC]"),
    INSTITUCION("[INSTITUCION]", "[INSTITUTION]"),
    PROFESION("[PROFESION]", "[PROFESSION]"),
    OTROS_SUJETO_ASISTENCIA("[OTRO]", "[OTHER]");

    private final String tagEs;
    private final String tagEn;

    PhiType(String tagEs, String tagEn) {
        this.tagEs = tagEs;
        this.tagEn = tagEn;
    }

    /** The surrogate tag in {@code language}, e.g. {@code [NOMBRE]} or {@code [NAME]}. */
    public String tag(Language language) {
        return language == Language.EN ? tagEn : tagEs;
    }

    /** The type named {@code code} (a MEDDOCAN type name), if it is one. */
    public static Optional<PhiType> of(String code) {
        for (PhiType t : values()) {
            if (t.name().equals(code)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
