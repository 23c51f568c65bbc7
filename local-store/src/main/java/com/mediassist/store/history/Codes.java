package com.mediassist.store.history;

import com.mediassist.store.InvalidValueException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The text codes of the history enums: FHIR's lower-case, hyphenated codes. */
final class Codes {

    private Codes() {
    }

    static String code(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String code) {
        if (code != null) {
            for (E e : type.getEnumConstants()) {
                if (code(e).equalsIgnoreCase(code.strip())) {
                    return e;
                }
            }
        }
        throw new InvalidValueException(field, "must be one of "
                + Arrays.stream(type.getEnumConstants()).map(Codes::code).collect(Collectors.joining(", "))
                + ", got " + code);
    }
}
