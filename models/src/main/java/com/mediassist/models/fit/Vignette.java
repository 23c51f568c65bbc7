package com.mediassist.models.fit;

import com.mediassist.models.ModelsException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One consultation note with what it is about.
 *
 * @param id       the note's id in its file ({@code t01})
 * @param expected a DDXPlus pathology code, or {@code null} when the condition is outside the 49
 * @param outside  the condition's name when it is outside the 49 ({@code gout}); {@code null} otherwise
 * @param language {@code es} or {@code en}
 * @param age      years
 * @param sex      {@code M} or {@code F}
 * @param text     the note as the doctor wrote it
 */
public record Vignette(String id, String expected, String outside, String language, int age, String sex, String text) {

    /** Whether the condition is one of the model's 49. */
    public boolean inScope() {
        return expected != null;
    }

    /**
     * Reads a vignette file: {@code #} comment lines, then notes each headed by
     * {@code === id | expected | language | age | sex}, where expected is a pathology code or {@code out:condition}.
     *
     * @throws ModelsException.BadInputException naming the line of a malformed header
     */
    public static List<Vignette> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ModelsException.BadInputException("cannot read vignettes " + file + ": " + e.getMessage(), e);
        }
        List<Vignette> out = new ArrayList<>();
        String[] head = null;
        StringBuilder text = new StringBuilder();
        for (int n = 0; n <= lines.size(); n++) {
            String line = n < lines.size() ? lines.get(n) : null;
            if (line != null && line.startsWith("#") && head == null) {
                continue;
            }
            if (line == null || line.startsWith("===")) {
                if (head != null) {
                    out.add(vignette(head, text.toString().strip(), file));
                }
                if (line == null) {
                    break;
                }
                head = line.substring(3).split("\\|");
                if (head.length != 5) {
                    throw new ModelsException.BadInputException(file + " line " + (n + 1)
                            + ": expected '=== id | expected | language | age | sex', found \"" + line + "\"");
                }
                text.setLength(0);
                continue;
            }
            if (head != null) {
                text.append(line).append('\n');
            }
        }
        return out;
    }

    private static Vignette vignette(String[] h, String text, Path file) {
        String id = h[0].trim();
        String expected = h[1].trim();
        try {
            int age = Integer.parseInt(h[3].trim());
            boolean out = expected.startsWith("out:");
            return new Vignette(id, out ? null : expected, out ? expected.substring(4) : null, h[2].trim(), age,
                    h[4].trim(), text);
        } catch (NumberFormatException e) {
            throw new ModelsException.BadInputException(file + " note " + id + ": age is not a number: " + h[3], e);
        }
    }
}
