package com.mediassist.core.knowledge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small RFC 4180 reader for the knowledge tables shipped in the class path (comma separated, double
 * quotes, a header row). Rows are addressed by column name so the files can gain columns.
 */
public final class CsvTable {

    private final String resource;
    private final Map<String, Integer> columns;
    private final List<Row> rows;

    private CsvTable(String resource, Map<String, Integer> columns, List<Row> rows) {
        this.resource = resource;
        this.columns = columns;
        this.rows = rows;
    }

    /** One data row; {@link #get} throws when a required column is missing. */
    public final class Row {
        private final List<String> cells;
        private final int line;

        private Row(List<String> cells, int line) {
            this.cells = cells;
            this.line = line;
        }

        /** @return the cell of that column, trimmed; never {@code null} */
        public String get(String column) {
            Integer i = columns.get(column);
            if (i == null) {
                throw new KnowledgeFormatException(resource, 0, "missing column \"" + column + "\"");
            }
            return i < cells.size() ? cells.get(i).trim() : "";
        }

        /** @return the cell, which must not be empty */
        public String required(String column) {
            String v = get(column);
            if (v.isEmpty()) {
                throw new KnowledgeFormatException(resource, line, "empty value in column \"" + column + "\"");
            }
            return v;
        }

        /** @return the 1-based line of this row in its file */
        public int line() {
            return line;
        }

        /** @return an exception for a bad value on this row */
        public KnowledgeFormatException error(String problem) {
            return new KnowledgeFormatException(resource, line, problem);
        }
    }

    /**
     * Reads a class-path resource relative to the root.
     *
     * @throws KnowledgeFormatException when it is missing or malformed
     */
    public static CsvTable resource(String path) {
        InputStream in = CsvTable.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new KnowledgeFormatException(path, 0, "resource not found in the class path");
        }
        return read(path, in);
    }

    /** Reads and closes {@code in}. */
    public static CsvTable read(String name, InputStream in) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<List<String>> records = new ArrayList<>();
            List<Integer> lines = new ArrayList<>();
            parse(r, records, lines, name);
            if (records.isEmpty()) {
                throw new KnowledgeFormatException(name, 0, "no header row");
            }
            Map<String, Integer> cols = new HashMap<>();
            List<String> header = records.get(0);
            for (int i = 0; i < header.size(); i++) {
                cols.put(header.get(i).trim(), i);
            }
            CsvTable table = new CsvTable(name, cols, new ArrayList<>());
            for (int i = 1; i < records.size(); i++) {
                table.rows.add(table.new Row(records.get(i), lines.get(i)));
            }
            return table;
        } catch (IOException e) {
            throw new KnowledgeFormatException(name, 0, "cannot be read", e);
        }
    }

    private static void parse(BufferedReader r, List<List<String>> records, List<Integer> lines, String name)
            throws IOException {
        int line = 0;
        String text;
        while ((text = r.readLine()) != null) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            int startLine = line;
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            int i = 0;
            while (true) {
                if (i >= text.length()) {
                    if (quoted) {
                        String next = r.readLine();
                        if (next == null) {
                            throw new KnowledgeFormatException(name, startLine, "unterminated quoted cell");
                        }
                        line++;
                        cell.append('\n');
                        text = next;
                        i = 0;
                        continue;
                    }
                    break;
                }
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                            cell.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else {
                    cell.append(c);
                }
                i++;
            }
            cells.add(cell.toString());
            records.add(cells);
            lines.add(startLine);
        }
    }

    /** @return the data rows, header excluded */
    public List<Row> rows() {
        return rows;
    }

    /** @return the resource name given when reading */
    public String resource() {
        return resource;
    }
}
