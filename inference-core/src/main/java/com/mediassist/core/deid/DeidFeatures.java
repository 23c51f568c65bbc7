package com.mediassist.core.deid;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The token features of the de-identification model, shared by training (vendor side) and
 * inference (here), so that both see exactly the same names. Per token: the word (lower case),
 * its shape, length, prefix and suffix, the words and shapes in a window of two within its line,
 * the line's "header" (the words before the line's first colon, as in {@code Nombre: …}), and
 * gazetteer membership of the token and its neighbours. None depends on the language.
 */
public final class DeidFeatures {

    /** Version of the feature set; a model trained on another refuses to load. */
    public static final String VERSION = "deid-features-1";

    private static final String BOL = "<s>";
    private static final String EOL = "</s>";

    private DeidFeatures() {
    }

    /**
     * The features of every token of a note.
     *
     * @param tokens     the note's tokens ({@link Tokenizer#tokens})
     * @param lineStarts token index of each line start ({@link Tokenizer#lineStarts})
     * @param gazetteers membership lookup
     * @return per token, its feature names (no duplicates)
     */
    public static String[][] extract(List<Token> tokens, int[] lineStarts, Gazetteers.Lookup gazetteers) {
        int n = tokens.size();
        String[] lower = new String[n];
        String[] shape = new String[n];
        String[] gaz = new String[n];
        for (int i = 0; i < n; i++) {
            String t = tokens.get(i).text();
            lower[i] = t.toLowerCase(Locale.ROOT);
            shape[i] = shape(t);
            gaz[i] = gazetteerCode(t, lower[i], gazetteers);
        }
        String[][] out = new String[n][];
        List<String> f = new ArrayList<>(40);
        for (int line = 0; line + 1 < lineStarts.length; line++) {
            int from = lineStarts[line];
            int to = lineStarts[line + 1];
            int colon = -1;
            for (int i = from; i < to && i < from + 8; i++) {
                if (lower[i].equals(":")) {
                    colon = i;
                    break;
                }
            }
            String head1 = colon > from ? lower[from] : null;
            String headLast = colon > from ? lower[colon - 1] : null;
            for (int i = from; i < to; i++) {
                f.clear();
                String w = lower[i];
                String t = tokens.get(i).text();
                f.add("w=" + w);
                f.add("sh=" + shape[i]);
                f.add("len=" + lengthBucket(t.length()));
                if (t.length() >= 4) {
                    f.add("p3=" + w.substring(0, 3));
                    f.add("s3=" + w.substring(w.length() - 3));
                }
                if (t.length() >= 6) {
                    f.add("s4=" + w.substring(w.length() - 4));
                }
                String wm1 = i - 1 >= from ? lower[i - 1] : BOL;
                String wm2 = i - 2 >= from ? lower[i - 2] : BOL;
                String wp1 = i + 1 < to ? lower[i + 1] : EOL;
                String wp2 = i + 2 < to ? lower[i + 2] : EOL;
                f.add("w-1=" + wm1);
                f.add("w-2=" + wm2);
                f.add("w+1=" + wp1);
                f.add("w+2=" + wp2);
                f.add("w-2w-1=" + wm2 + "|" + wm1);
                f.add("w+1w+2=" + wp1 + "|" + wp2);
                f.add("w-1w=" + wm1 + "|" + w);
                f.add("ww+1=" + w + "|" + wp1);
                f.add("sh-1=" + (i - 1 >= from ? shape[i - 1] : BOL));
                f.add("sh+1=" + (i + 1 < to ? shape[i + 1] : EOL));
                f.add("sh-1sh+1=" + (i - 1 >= from ? shape[i - 1] : BOL) + "|" + shape[i] + "|" + (i + 1 < to ? shape[i + 1] : EOL));
                if (i == from) {
                    f.add("bol");
                }
                if (colon >= 0) {
                    if (i > colon) {
                        f.add("hd1=" + head1);
                        f.add("hdL=" + headLast);
                        if (i == colon + 1) {
                            f.add("hdfirst");
                        }
                    } else {
                        f.add("inhead");
                    }
                }
                if (gaz[i] != null) {
                    f.add("gz=" + gaz[i]);
                    f.add("gzsh=" + gaz[i] + "|" + shape[i]);
                }
                if (i - 1 >= from && gaz[i - 1] != null) {
                    f.add("gz-1=" + gaz[i - 1]);
                }
                if (i + 1 < to && gaz[i + 1] != null) {
                    f.add("gz+1=" + gaz[i + 1]);
                }
                out[i] = f.toArray(new String[0]);
            }
        }
        return out;
    }

    /** Xx for capitalised words, x lower, X upper, d digits, punctuation as itself; runs collapsed. */
    static String shape(String t) {
        StringBuilder b = new StringBuilder(4);
        char last = 0;
        for (int k = 0; k < t.length(); k++) {
            char c = t.charAt(k);
            char s = Character.isUpperCase(c) ? 'X' : Character.isLetter(c) ? 'x' : Character.isDigit(c) ? 'd' : c;
            if (s != last) {
                b.append(s);
                last = s;
            }
        }
        return b.toString();
    }

    private static String lengthBucket(int n) {
        return n <= 3 ? Integer.toString(n) : n <= 5 ? "4-5" : n <= 8 ? "6-8" : n <= 11 ? "9-11" : "12+";
    }

    /** The gazetteer kinds a word is in, as one code ({@code GIVEN+SURNAME}); null when none or not a word. */
    private static String gazetteerCode(String text, String lower, Gazetteers.Lookup g) {
        if (text.length() < 2 || !Character.isLetter(text.charAt(0))) {
            return null;
        }
        StringBuilder b = null;
        for (Gazetteers.Kind k : Gazetteers.Kind.values()) {
            if (g.contains(k, lower)) {
                if (b == null) {
                    b = new StringBuilder(k.name());
                } else {
                    b.append('+').append(k.name());
                }
            }
        }
        return b == null ? null : b.toString();
    }
}
