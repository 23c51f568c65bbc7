package com.mediassist.models.fleet;

import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.models.DdxplusData;
import com.mediassist.models.ModelsCli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The weekly page for the vendor's clinical team ({@code models fleet report}): one self-contained
 * HTML file (inline CSS and SVG, no external asset, no script) with agreement of the top-1 / top-3
 * suggestion with the doctor's final diagnosis per model version and per week, acceptance and
 * dismissal per pathology, medication-alert override rates per rule (with candidates for demotion to
 * non-interrupting) and latency by clinic.
 */
public final class FleetReport {

    /** A rule is a demotion candidate when overridden in more than this share … */
    public static final double DEMOTE_OVERRIDE_RATE = 0.9;
    /** … of at least this many showings … */
    public static final int DEMOTE_MIN_SHOWINGS = 50;
    /** … across at least this many clinics (never a contraindication or an ONC high-priority pair). */
    public static final int DEMOTE_MIN_CLINICS = 3;

    private FleetReport() {
    }

    /** Counters of one alert rule. */
    public static final class RuleStats {
        int shown;
        int overridden;
        boolean contraindicated;
        final Set<String> clinics = new HashSet<>();

        /** Whether the rule may be proposed as non-interrupting. */
        public boolean demotionCandidate(String ruleId) {
            return shown >= DEMOTE_MIN_SHOWINGS && clinics.size() >= DEMOTE_MIN_CLINICS
                    && overridden > DEMOTE_OVERRIDE_RATE * shown && !contraindicated && !ruleId.startsWith("onc-high-priority");
        }
    }

    /** The rules' counters of a set of batches, by rule id. */
    public static Map<String, RuleStats> ruleStats(List<Batch> batches) {
        Map<String, RuleStats> rules = new TreeMap<>();
        for (Batch b : batches) {
            for (FleetEvent e : b.events()) {
                if (e instanceof FleetEvent.MedicationAlertOutcome o) {
                    rule(rules, b.clinicId(), o.ruleId(), o.severity(), o.outcome());
                } else if (e instanceof FleetEvent.ConsultationSignedOff c) {
                    c.medicationAlerts().forEach(a -> rule(rules, b.clinicId(), a.ruleId(), a.severity(), a.outcome()));
                }
            }
        }
        return rules;
    }

    private static void rule(Map<String, RuleStats> rules, String clinic, String id, String severity, String outcome) {
        RuleStats r = rules.computeIfAbsent(id, x -> new RuleStats());
        r.shown++;
        r.overridden += "overridden".equals(outcome) ? 1 : 0;
        r.contraindicated |= "contraindicated".equals(severity);
        r.clinics.add(clinic);
    }

    /** Renders the page. */
    public static String render(List<Batch> batches, Map<String, String> clinicNames) {
        Map<String, int[]> byVersion = new TreeMap<>();
        Map<String, int[]> byWeek = new TreeMap<>();
        Map<String, int[]> feedback = new TreeMap<>();
        Map<String, List<int[]>> latency = new TreeMap<>();
        for (Batch b : batches) {
            for (FleetEvent e : b.events()) {
                if (e instanceof FleetEvent.ConsultationSignedOff c && c.finalDiagnosis().isPresent()
                        && !c.finalDiagnosis().get().startsWith("cat:")) {
                    String fin = c.finalDiagnosis().get();
                    boolean t1 = c.suggestions().stream().anyMatch(s -> s.rank() == 1 && s.pathology().equals(fin));
                    boolean t3 = c.suggestions().stream().anyMatch(s -> s.rank() <= 3 && s.pathology().equals(fin));
                    for (int[] a : List.of(byVersion.computeIfAbsent(c.modelVersion().orElse("none"), x -> new int[3]),
                            byWeek.computeIfAbsent(c.week(), x -> new int[3]))) {
                        a[0]++;
                        a[1] += t1 ? 1 : 0;
                        a[2] += t3 ? 1 : 0;
                    }
                } else if (e instanceof FleetEvent.SuggestionFeedback f && f.kind().equals("diagnosis")) {
                    int[] a = feedback.computeIfAbsent(f.item(), x -> new int[4]);
                    a[List.of("shown", "accepted", "dismissed", "overridden").indexOf(f.action())]++;
                } else if (e instanceof FleetEvent.Latency l) {
                    latency.computeIfAbsent(clinicNames.getOrDefault(b.clinicId(), b.clinicId()) + " · " + l.endpoint(),
                            x -> new ArrayList<>()).add(new int[]{l.p50Ms(), l.p95Ms(), l.count()});
                }
            }
        }
        StringBuilder h = new StringBuilder(16384);
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>MediAssist fleet report</title><style>")
                .append("body{font:14px/1.4 system-ui,sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse;margin:.5em 0 1.5em}")
                .append("td,th{border:1px solid #ccc;padding:.2em .6em;text-align:right}th:first-child,td:first-child{text-align:left}")
                .append(".demote{background:#fff3cd}svg text{font:11px sans-serif}</style></head><body>")
                .append("<h1>MediAssist fleet report</h1><p>").append(batches.size()).append(" batches from ")
                .append(batches.stream().map(Batch::clinicId).distinct().count()).append(" clinics.</p>");

        h.append("<h2>Agreement of the suggestions with the doctor's final diagnosis</h2>");
        h.append(agreementTable("model version", byVersion));
        h.append(agreementTable("week (or 4-week release period)", byWeek));
        List<String> weeks = new ArrayList<>(byWeek.keySet());
        List<double[]> series = new ArrayList<>();
        for (String w : weeks) {
            int[] a = byWeek.get(w);
            series.add(new double[]{(double) a[1] / a[0], (double) a[2] / a[0]});
        }
        h.append(barChart("Top-1 (dark) and top-3 (light) agreement by week", weeks, series));

        h.append("<h2>Acceptance and dismissal per pathology</h2><table><tr><th>pathology</th><th>shown</th><th>accepted</th>"
                + "<th>dismissed</th><th>overridden</th><th>acceptance</th></tr>");
        List<String> paths = new ArrayList<>();
        List<double[]> accept = new ArrayList<>();
        feedback.forEach((p, a) -> {
            int decided = a[1] + a[2] + a[3];
            double rate = decided == 0 ? 0 : (double) a[1] / decided;
            h.append("<tr><td>").append(esc(p)).append("</td><td>").append(a[0]).append("</td><td>").append(a[1])
                    .append("</td><td>").append(a[2]).append("</td><td>").append(a[3]).append("</td><td>")
                    .append(decided == 0 ? "–" : pct(rate)).append("</td></tr>");
            paths.add(p);
            accept.add(new double[]{rate});
        });
        h.append("</table>").append(barChart("Acceptance of decided suggestions per pathology", paths, accept));

        h.append("<h2>Medication alerts: override rate per rule</h2><p>Candidates for demotion to non-interrupting: overridden"
                + " in more than ").append(pct(DEMOTE_OVERRIDE_RATE)).append(" of at least ").append(DEMOTE_MIN_SHOWINGS)
                .append(" showings across at least ").append(DEMOTE_MIN_CLINICS)
                .append(" clinics, never a contraindication or an ONC high-priority pair.</p>")
                .append("<table><tr><th>rule</th><th>showings</th><th>overridden</th><th>override rate</th><th>clinics</th><th>demotion candidate</th></tr>");
        ruleStats(batches).forEach((id, r) -> h.append("<tr").append(r.demotionCandidate(id) ? " class=\"demote\"" : "").append("><td>")
                .append(esc(id)).append("</td><td>").append(r.shown).append("</td><td>").append(r.overridden).append("</td><td>")
                .append(pct((double) r.overridden / r.shown)).append("</td><td>").append(r.clinics.size()).append("</td><td>")
                .append(r.demotionCandidate(id) ? "yes" : "no").append("</td></tr>"));
        h.append("</table>");

        h.append("<h2>Latency by clinic</h2><table><tr><th>clinic · endpoint</th><th>requests</th><th>p50 (ms, weighted median of weeks)</th>"
                + "<th>p95 (ms, worst week)</th></tr>");
        List<String> names = new ArrayList<>();
        List<double[]> lat = new ArrayList<>();
        double maxLat = 1;
        for (var en : latency.entrySet()) {
            List<int[]> ws = new ArrayList<>(en.getValue());
            ws.sort((x, y) -> Integer.compare(x[0], y[0]));
            long total = ws.stream().mapToLong(w -> w[2]).sum();
            long acc = 0;
            int p50 = ws.get(ws.size() - 1)[0];
            for (int[] w : ws) {
                acc += w[2];
                if (acc * 2 >= total) {
                    p50 = w[0];
                    break;
                }
            }
            int p95 = ws.stream().mapToInt(w -> w[1]).max().orElse(0);
            h.append("<tr><td>").append(esc(en.getKey())).append("</td><td>").append(total).append("</td><td>").append(p50)
                    .append("</td><td>").append(p95).append("</td></tr>");
            names.add(en.getKey());
            lat.add(new double[]{p50, p95});
            maxLat = Math.max(maxLat, p95);
        }
        h.append("</table>");
        List<double[]> scaled = new ArrayList<>();
        for (double[] l : lat) {
            scaled.add(new double[]{l[0] / maxLat, l[1] / maxLat});
        }
        h.append(barChart("p50 (dark) and p95 (light), scaled to the slowest p95 = " + (int) maxLat + " ms", names, scaled));
        h.append("</body></html>\n");
        return h.toString();
    }

    private static String agreementTable(String key, Map<String, int[]> rows) {
        StringBuilder t = new StringBuilder("<table><tr><th>").append(key)
                .append("</th><th>consultations</th><th>top-1 agreement</th><th>top-3 agreement</th></tr>");
        rows.forEach((k, a) -> t.append("<tr><td>").append(esc(k)).append("</td><td>").append(a[0]).append("</td><td>")
                .append(pct((double) a[1] / a[0])).append("</td><td>").append(pct((double) a[2] / a[0])).append("</td></tr>"));
        return t.append("</table>").toString();
    }

    /** Horizontal bars, one row per label, one bar per value (shares 0–1). */
    static String barChart(String title, List<String> labels, List<double[]> values) {
        int row = 18;
        int height = 24 + row * labels.size();
        StringBuilder s = new StringBuilder("<figure><figcaption>").append(esc(title)).append("</figcaption><svg width=\"640\" height=\"")
                .append(height).append("\" role=\"img\">");
        String[] fill = {"#2a6f97", "#a9d6e5"};
        for (int i = 0; i < labels.size(); i++) {
            int y = 10 + i * row;
            s.append("<text x=\"0\" y=\"").append(y + 11).append("\">").append(esc(clip(labels.get(i)))).append("</text>");
            double[] v = values.get(i);
            for (int j = v.length - 1; j >= 0; j--) {
                int w = (int) Math.round(Math.max(0, Math.min(1, v[j])) * 380);
                s.append("<rect x=\"220\" y=\"").append(y + (j == 0 && v.length > 1 ? 3 : 0)).append("\" width=\"").append(w)
                        .append("\" height=\"").append(j == 0 && v.length > 1 ? 8 : 14).append("\" fill=\"").append(fill[j % 2]).append("\"/>");
            }
            s.append("<text x=\"605\" y=\"").append(y + 11).append("\">").append(pct(v[0])).append("</text>");
        }
        return s.append("</svg></figure>").toString();
    }

    private static String clip(String s) {
        return s.length() <= 34 ? s : s.substring(0, 33) + "…";
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** {@code models fleet report}. */
    @CommandLine.Command(name = "report", description = "Writes the weekly fleet report: one self-contained HTML page.")
    static final class Command implements Callable<Integer> {
        @Option(names = "--data-dir", required = true, description = "vendor data directory")
        Path dataDir;
        @Option(names = "--out", required = true, description = "HTML file to write")
        Path out;
        @Option(names = "--kafka", description = "read the batches from Kafka instead of the embedded log")
        String kafka;
        @CommandLine.Mixin
        ModelsCli.DataOption data = new ModelsCli.DataOption();

        @Override
        public Integer call() throws IOException {
            Knowledge k = DdxplusData.buildKnowledge(data.data);
            List<Batch> batches = FleetCommand.readBatches(dataDir, kafka, k);
            Map<String, String> names = new TreeMap<>();
            new ClinicRegistry(dataDir).all().forEach(c -> names.put(c.id(), c.name()));
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            Files.writeString(out, render(batches, names), StandardCharsets.UTF_8);
            System.err.println("wrote " + out + " (" + batches.size() + " batches)");
            return 0;
        }
    }
}
