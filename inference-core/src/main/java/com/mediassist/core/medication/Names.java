package com.mediassist.core.medication;

import com.mediassist.core.text.TextFold;

/** Normalisation of medicine names shared by the dictionary and the knowledge loaders. */
final class Names {

    private Names() {
    }

    /** Folded, with every run of non-alphanumeric characters as one space, trimmed. */
    static String normalise(String name) {
        String f = TextFold.fold(name);
        StringBuilder b = new StringBuilder(f.length());
        boolean space = false;
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (space && b.length() > 0) {
                    b.append(' ');
                }
                space = false;
                b.append(c);
            } else {
                space = true;
            }
        }
        return b.toString();
    }
}
