package com.mediassist.appliance.consult.service;

import com.mediassist.appliance.failure.InvalidFieldException;
import java.util.ArrayList;
import java.util.List;

/** Validation of the medicines a doctor typed. */
public final class Medications {

    /** Most medicines in one prescription. */
    public static final int MAX = 100;
    /** Longest medicine line, in characters. */
    static final int MAX_LENGTH = 200;

    private Medications() {
    }

    /**
     * The medicines, stripped.
     *
     * @throws InvalidFieldException naming {@code medications[i]} for a blank or too long line,
     *     or the list when it is too long
     */
    public static List<String> valid(List<String> medications) {
        if (medications.size() > MAX) {
            throw new InvalidFieldException("medications", "at most " + MAX + " medicines, got " + medications.size());
        }
        List<String> out = new ArrayList<>(medications.size());
        for (int i = 0; i < medications.size(); i++) {
            String m = medications.get(i);
            if (m == null || m.isBlank()) {
                throw new InvalidFieldException("medications[" + i + "]", "must not be blank");
            }
            if (m.length() > MAX_LENGTH) {
                throw new InvalidFieldException("medications[" + i + "]", "at most " + MAX_LENGTH + " characters");
            }
            out.add(m.strip());
        }
        return List.copyOf(out);
    }
}
