package com.mediassist.core.summary;

import com.mediassist.core.knowledge.Language;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One line of a written sentence battery ({@code lang | note || item ; item ; …}; blank lines and {@code #}
 * comments skipped; {@code \n} in a note is a line break), as the status and uncoded-finding batteries write them.
 */
record BatteryLines(Language language, String note, List<String> items) {

    static List<BatteryLines> read(String resource) throws IOException {
        List<BatteryLines> out = new ArrayList<>();
        try (InputStream in = BatteryLines.class.getResourceAsStream(resource);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int bar = line.indexOf(" | ");
                int bars = line.indexOf(" || ");
                if (bar < 0 || bars < bar) {
                    throw new IllegalStateException(resource + ": battery line without \"lang | note || …\": " + line);
                }
                Language lang = Language.valueOf(line.substring(0, bar).trim().toUpperCase(Locale.ROOT));
                String note = line.substring(bar + 3, bars).replace("\\n", "\n");
                List<String> items = new ArrayList<>();
                for (String item : line.substring(bars + 4).split(" ; ")) {
                    items.add(item.trim());
                }
                out.add(new BatteryLines(lang, note, List.copyOf(items)));
            }
        }
        return out;
    }
}
