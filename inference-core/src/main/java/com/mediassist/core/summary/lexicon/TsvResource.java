package com.mediassist.core.summary.lexicon;

import com.mediassist.core.summary.KnowledgeFileException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the extractor's tab-separated knowledge files from the class path. */
public final class TsvResource {

    /** A data line with its 1-based line number, for error messages. */
    public record Row(int line, String[] cells) {
    }

    private TsvResource() {
    }

    /**
     * Data rows of a class-path resource; lines starting with {@code #} and blank lines are skipped.
     *
     * @param path     resource path, e.g. {@code summary/evidence-lexicon.tsv}
     * @param minCells cells every row must have
     * @throws KnowledgeFileException when the resource is missing or a row is short
     */
    public static List<Row> read(String path, int minCells) {
        InputStream in = TsvResource.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new KnowledgeFileException("knowledge file " + path + " is not on the class path");
        }
        List<Row> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (cells.length < minCells) {
                    throw new KnowledgeFileException(path + " line " + n + ": expected " + minCells
                            + " tab-separated columns, found " + cells.length + ": \"" + line + "\"");
                }
                rows.add(new Row(n, cells));
            }
        } catch (IOException e) {
            throw new KnowledgeFileException("cannot read knowledge file " + path, e);
        }
        return rows;
    }
}
