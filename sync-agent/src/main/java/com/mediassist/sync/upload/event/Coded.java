package com.mediassist.sync.upload.event;

import com.mediassist.sync.upload.InvalidEventException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** An enumerated protocol value with its wire code. */
public interface Coded {

    /** The value as the protocol writes it. */
    String code();

    /**
     * The constant of {@code type} whose code is {@code code}.
     *
     * @throws InvalidEventException naming {@code field} and the allowed codes
     */
    static <E extends Enum<E> & Coded> E parse(Class<E> type, String field, String code) {
        for (E e : type.getEnumConstants()) {
            if (e.code().equals(code)) {
                return e;
            }
        }
        throw new InvalidEventException(field, "one of " + Arrays.stream(type.getEnumConstants()).map(Coded::code)
                .collect(Collectors.joining(", ")), code);
    }
}
