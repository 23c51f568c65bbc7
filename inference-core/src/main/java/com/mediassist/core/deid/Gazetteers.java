package com.mediassist.core.deid;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Word lists the features look tokens up in: given names, surnames, places and facility words, each
 * word with the number of training documents it was seen in as part of an identifier of that kind.
 * Words are lower-case ({@link Locale#ROOT}). File form: UTF-8 lines {@code kind<TAB>word<TAB>documents}.
 */
public final class Gazetteers {

    /** The lists. */
    public enum Kind {
        GIVEN, SURNAME, PLACE, FACILITY
    }

    /** Answers whether a lower-case word is in a list (at run time: seen in at least one document). */
    @FunctionalInterface
    public interface Lookup {
        boolean contains(Kind kind, String lowerWord);
    }

    private final Map<Kind, Map<String, Integer>> documents;

    /** @param documents per kind, word to number of documents; copied */
    public Gazetteers(Map<Kind, Map<String, Integer>> documents) {
        EnumMap<Kind, Map<String, Integer>> copy = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            copy.put(k, Map.copyOf(documents.getOrDefault(k, Map.of())));
        }
        this.documents = copy;
    }

    /** Number of training documents {@code lowerWord} was seen in as a {@code kind}; 0 when never. */
    public int documents(Kind kind, String lowerWord) {
        return documents.get(kind).getOrDefault(lowerWord, 0);
    }

    /** Run-time lookup: seen in at least one document. */
    public Lookup lookup() {
        return (kind, word) -> documents.get(kind).containsKey(word);
    }

    /** Number of words in a list. */
    public int size(Kind kind) {
        return documents.get(kind).size();
    }

    /** Reads the file form. @throws DeidException.InvalidModelException on a malformed line */
    public static Gazetteers read(InputStream in) throws IOException {
        Map<Kind, Map<String, Integer>> m = new EnumMap<>(Kind.class);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            try {
                m.computeIfAbsent(Kind.valueOf(f[0]), k -> new TreeMap<>()).put(f[1], Integer.parseInt(f[2]));
            } catch (RuntimeException e) {
                throw new DeidException.InvalidModelException("gazetteer line " + n + ": expected kind<TAB>word<TAB>documents, found '"
                        + line + "'", e);
            }
        }
        return new Gazetteers(m);
    }

    /** Writes the file form, sorted, so that the same lists give the same bytes. */
    public void write(Writer w) {
        try {
            w.write("# kind\tword\tdocuments (MEDDOCAN train annotations, Plan TL / BSC, CC BY 4.0)\n");
            for (Kind k : Kind.values()) {
                for (Map.Entry<String, Integer> e : new TreeMap<>(documents.get(k)).entrySet()) {
                    w.write(k.name() + "\t" + e.getKey() + "\t" + e.getValue() + "\n");
                }
            }
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
