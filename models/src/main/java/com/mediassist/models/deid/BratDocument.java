package com.mediassist.models.deid;

import com.mediassist.core.deid.PhiType;
import com.mediassist.models.ModelsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A brat-annotated note: its text and gold identifier spans ({@code T} lines of the {@code .ann};
 * a discontinuous span counts from its first start to its last end).
 *
 * @param name file name without extension
 * @param text the note
 * @param gold the annotated spans
 */
public record BratDocument(String name, String text, List<Gold> gold) {

    /** A gold span. */
    public record Gold(int start, int end, PhiType type) {
    }

    /** Every {@code .txt} with its {@code .ann} in {@code dir}, sorted by name. */
    public static List<BratDocument> readAll(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ModelsException("expected a folder of brat .txt and .ann files, found no folder " + dir);
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> txts = files.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
            if (txts.isEmpty()) {
                throw new ModelsException("no .txt files in " + dir);
            }
            List<BratDocument> out = new ArrayList<>();
            for (Path txt : txts) {
                out.add(read(txt));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BratDocument read(Path txt) throws IOException {
        String name = txt.getFileName().toString().replaceFirst("\\.txt$", "");
        Path ann = txt.resolveSibling(name + ".ann");
        if (!Files.exists(ann)) {
            throw new ModelsException("brat note " + txt + " has no " + ann.getFileName());
        }
        String text = Files.readString(txt, StandardCharsets.UTF_8);
        List<Gold> gold = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(ann, StandardCharsets.UTF_8)) {
            n++;
            if (!line.startsWith("T")) {
                continue;
            }
            String[] f = line.split("\t");
            String[] typeAndRange = f.length > 1 ? f[1].split(" ", 2) : new String[0];
            if (typeAndRange.length < 2) {
                throw new ModelsException(ann + " line " + n + ": expected 'T<n><TAB>TYPE start end<TAB>text', found '" + line + "'");
            }
            PhiType type = PhiType.of(typeAndRange[0]).orElseThrow(() ->
                    new ModelsException(ann + " line " + n(line) + ": unknown MEDDOCAN type " + typeAndRange[0]));
            int start = Integer.MAX_VALUE;
            int end = -1;
            for (String part : typeAndRange[1].split(";")) {
                String[] se = part.trim().split(" ");
                start = Math.min(start, Integer.parseInt(se[0]));
                end = Math.max(end, Integer.parseInt(se[1]));
            }
            if (start < 0 || end > text.length() || end <= start) {
                throw new ModelsException(ann + " line " + n + ": span " + start + ".." + end + " outside the note of "
                        + text.length() + " characters");
            }
            gold.add(new Gold(start, end, type));
        }
        gold.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return new BratDocument(name, text, List.copyOf(gold));
    }

    private static String n(String line) {
        return line.split("\t", 2)[0];
    }
}
