package com.mediassist.core.deid;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test notes written with inline markup {@code [[TYPE|text]]}, separated by {@code =====} lines. */
final class MarkedNotes {

    record Gold(int start, int end, PhiType type, String text) {
    }

    record Note(String text, List<Gold> gold) {
    }

    private static final Pattern MARK = Pattern.compile("\\[\\[([A-Z_]+)\\|([^\\]]+)\\]\\]");

    private MarkedNotes() {
    }

    static List<Note> read(String resource) {
        try (InputStream in = MarkedNotes.class.getResourceAsStream(resource)) {
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<Note> out = new ArrayList<>();
            for (String block : all.split("\n=====\n")) {
                StringBuilder lines = new StringBuilder();
                for (String line : block.split("\n", -1)) {
                    if (!line.startsWith("#")) {
                        lines.append(line).append('\n');
                    }
                }
                out.add(parse(lines.toString()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Note parse(String marked) {
        StringBuilder text = new StringBuilder();
        List<Gold> gold = new ArrayList<>();
        Matcher m = MARK.matcher(marked);
        int at = 0;
        while (m.find()) {
            text.append(marked, at, m.start());
            int start = text.length();
            text.append(m.group(2));
            gold.add(new Gold(start, text.length(), PhiType.valueOf(m.group(1)), m.group(2)));
            at = m.end();
        }
        text.append(marked.substring(at));
        return new Note(text.toString(), gold);
    }

    /** Whether every non-space character of {@code g} lies inside one of {@code spans}. */
    static boolean masked(Gold g, List<PhiSpan> spans, String text) {
        for (int c = g.start(); c < g.end(); c++) {
            if (Character.isWhitespace(text.charAt(c))) {
                continue;
            }
            final int at = c;
            if (spans.stream().noneMatch(s -> s.start() <= at && at < s.end())) {
                return false;
            }
        }
        return true;
    }
}
