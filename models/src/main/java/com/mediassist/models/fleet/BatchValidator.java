package com.mediassist.models.fleet;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mediassist.core.knowledge.EvidenceCode;
import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.core.knowledge.PathologyCode;
import com.mediassist.models.crypto.Ed25519;
import com.mediassist.models.fleet.FleetException.BadSignatureException;
import com.mediassist.models.fleet.FleetException.MalformedBatchException;
import com.mediassist.models.fleet.FleetException.UnknownSchemaException;
import com.mediassist.models.json.CanonicalJson;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an uploaded envelope against the sync protocol (v1, and v2's period sign-offs), field by field, and turns it into a typed
 * {@link Batch}: the envelope's shape, the clinic's registration, the content address over the RFC
 * 8785 bytes of the payload, the Ed25519 signature, then every payload and event field against the
 * allow-list (codes checked against the knowledge). Anything else refuses the whole batch. Used on
 * upload and again whenever the trainer reads the log (defence in depth).
 */
public final class BatchValidator {

    /** The schema version of the envelope, the payload and every event but a period sign-off. */
    public static final int SCHEMA_VERSION = 1;
    /**
     * The schema version of a {@code consultation-signed-off} released over its 4-week period (protocol v2):
     * {@code period} in place of {@code week}, no age band or sex.
     */
    public static final int PERIOD_SCHEMA_VERSION = 2;
    /** The grid of release periods starts on the Monday of ISO week 2024-W01. */
    private static final java.time.LocalDate PERIOD_ANCHOR = java.time.LocalDate.of(2024, 1, 1);
    private static final Pattern PERIOD = Pattern.compile("(\\d{4}-W(?:0[1-9]|[1-4]\\d|5[0-3]))/(\\d{4}-W(?:0[1-9]|[1-4]\\d|5[0-3]))");

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern WEEK = Pattern.compile("\\d{4}-W(0[1-9]|[1-4]\\d|5[0-3])");
    private static final Pattern HEX = Pattern.compile("([0-9a-f]{2}){8,64}");
    private static final Pattern CONTENT_ADDRESS = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final Pattern VERSION = Pattern.compile("\\d{1,4}\\.\\d{1,4}\\.\\d{1,4}(-[0-9A-Za-z.-]{1,32})?");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:+/@-]{0,127}");
    private static final Set<String> AGE_BANDS;
    static {
        java.util.LinkedHashSet<String> b = new java.util.LinkedHashSet<>();
        for (int a = 0; a < 90; a += 5) {
            b.add(a + "-" + (a + 4));
        }
        b.add("90+");
        AGE_BANDS = Set.copyOf(b);
    }
    static final Set<String> CATEGORIES = Set.of("cat:respiratory", "cat:cardiovascular", "cat:ent", "cat:other");
    private static final Set<String> SCORE_BANDS = Set.of("0-20", "20-40", "40-60", "60-80", "80-100");
    private static final Set<String> SEVERITIES = Set.of("contraindicated", "major", "moderate", "minor");
    private static final Set<String> OUTCOMES = Set.of("shown", "accepted", "overridden");
    private static final Set<String> OVERRIDE_CATEGORIES = Set.of("benefit-outweighs-risk", "monitoring-planned",
            "patient-tolerated-before", "not-relevant", "other");
    private static final Set<String> KINDS = Set.of("diagnosis", "test", "question", "prevention");
    private static final Set<String> ACTIONS = Set.of("shown", "accepted", "dismissed", "overridden");

    /** Longest scrubbed note accepted, characters (the box cuts at the same length). */
    static final int MAX_NOTE_CHARS = 20_000;
    /** Formats that a scrubbed note can only contain if the box's de-identifier failed: e-mail, URL, DNI/NIE. */
    private static final Pattern UNSCRUBBED = Pattern.compile("[\\p{L}0-9._%+-]+@[\\p{L}0-9.-]+\\.\\p{L}{2,}|https?://|www\\."
            + "|(?<![\\p{L}0-9])(?:\\d{8}[-\\s]?[A-HJ-NP-TV-Z]|[XYZ][-\\s]?\\d{7}[-\\s]?[A-HJ-NP-TV-Z])(?![\\p{L}0-9])");

    private final Knowledge knowledge;

    /** @param knowledge the knowledge whose evidence and pathology codes events may name */
    public BatchValidator(Knowledge knowledge) {
        this.knowledge = knowledge;
    }

    /**
     * A scrubbed note: bounded text without control characters, in which no e-mail address, URL or
     * DNI/NIE survived (surrogate tags such as {@code [NOMBRE]} are what the box leaves).
     */
    private static String scrubbedNote(String note, String at) {
        if (note.isEmpty() || note.length() > MAX_NOTE_CHARS) {
            throw new MalformedBatchException(at, "1 to " + MAX_NOTE_CHARS + " characters expected, found " + note.length());
        }
        for (int i = 0; i < note.length(); i++) {
            char c = note.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t') {
                throw new MalformedBatchException(at, "text without control characters expected, found U+"
                        + Integer.toHexString(c));
            }
        }
        if (UNSCRUBBED.matcher(note).find()) {
            throw new MalformedBatchException(at, "a scrubbed note expected, found an e-mail address, URL or DNI/NIE in clear");
        }
        return note;
    }

    /** A checked upload: the batch and the canonical payload bytes that were signed. */
    public record Checked(Batch batch, byte[] canonicalPayload) {
    }

    /**
     * Parses and checks one envelope.
     *
     * @param body     the request body
     * @param clinics  the registry, to find the sender
     * @throws MalformedBatchException, UnknownSchemaException, UnknownClinicException, BadSignatureException
     */
    public Checked check(byte[] body, ClinicRegistry clinics) {
        JsonNode env;
        try {
            env = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedBatchException("body", "not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedBatchException("body", "unreadable: " + e.getMessage());
        }
        if (env == null || !env.isObject()) {
            throw new MalformedBatchException("body", "a JSON object (the envelope) expected");
        }
        schema(env, "schemaVersion");
        only(env, "", Set.of("schemaVersion", "clinicKey", "contentAddress", "signature", "payload"));
        String clinicKey = text(env, "", "clinicKey");
        byte[] rawKey = base64(clinicKey, "clinicKey", Ed25519.PUBLIC_KEY_BYTES);
        String address = text(env, "", "contentAddress");
        if (!CONTENT_ADDRESS.matcher(address).matches()) {
            throw new MalformedBatchException("contentAddress", "'sha256:' and 64 lower-case hex digits expected");
        }
        byte[] sig = base64(text(env, "", "signature"), "signature", Ed25519.SIGNATURE_BYTES);
        JsonNode payload = env.get("payload");
        if (payload == null || !payload.isObject()) {
            throw new MalformedBatchException("payload", payload == null ? "missing" : "an object expected");
        }
        ClinicRegistry.Clinic clinic = clinics.byKey(clinicKey);
        byte[] canonical;
        try {
            canonical = CanonicalJson.bytes(payload, "payload");
        } catch (CanonicalJson.UnsupportedValueException e) {
            throw new MalformedBatchException(e.path(), e.getMessage());
        }
        String computed = contentAddress(canonical);
        if (!computed.equals(address)) {
            throw new MalformedBatchException("contentAddress", "the canonical payload hashes to " + computed
                    + ", the envelope says " + address);
        }
        if (!Ed25519.verifies(Ed25519.publicKey(rawKey), canonical, sig)) {
            throw new BadSignatureException(clinic.id(), address);
        }
        return new Checked(payload(payload, clinic.id(), address), canonical);
    }

    /**
     * Re-checks stored canonical payload bytes (the trainer's defence in depth).
     *
     * @throws MalformedBatchException when the stored bytes no longer hash to the address or break the protocol
     */
    public Batch recheck(String clinicId, String contentAddress, byte[] canonicalPayload) {
        if (!contentAddress(canonicalPayload).equals(contentAddress)) {
            throw new MalformedBatchException("contentAddress", "stored batch " + contentAddress + " of clinic "
                    + clinicId + " no longer hashes to its address");
        }
        try {
            return payload(JSON.readTree(canonicalPayload), clinicId, contentAddress);
        } catch (IOException e) {
            throw new MalformedBatchException("payload", "stored batch " + contentAddress + " is not JSON: " + e.getMessage());
        }
    }

    /** {@code sha256:<hex>} of the bytes. */
    public static String contentAddress(byte[] canonical) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Batch payload(JsonNode p, String clinicId, String address) {
        schema(p, "payload.schemaVersion");
        only(p, "payload", Set.of("schemaVersion", "batchId", "week", "auditHead", "events"));
        String batchId = match(p, "payload", "batchId", UUID, "a UUID");
        String week = match(p, "payload", "week", WEEK, "an ISO week such as 2026-W48");
        String head = match(p, "payload", "auditHead", HEX, "lower-case hex");
        JsonNode evs = array(p, "payload", "events", true);
        List<FleetEvent> events = new ArrayList<>();
        java.util.HashSet<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < evs.size(); i++) {
            String at = "payload.events[" + i + "]";
            FleetEvent e = event(evs.get(i), at);
            if (!ids.add(e.eventId())) {
                throw new MalformedBatchException(at + ".eventId", "duplicate eventId " + e.eventId());
            }
            events.add(e);
        }
        return new Batch(clinicId, address, batchId, week, head, events);
    }

    private FleetEvent event(JsonNode e, String at) {
        if (!e.isObject()) {
            throw new MalformedBatchException(at, "an object expected");
        }
        String type = text(e, at, "type");
        boolean inPeriod = eventSchema(e, at + ".schemaVersion", type) == PERIOD_SCHEMA_VERSION;
        String id = match(e, at, "eventId", UUID, "a UUID");
        String week = inPeriod ? period(text(e, at, "period"), at + ".period") : match(e, at, "week", WEEK, "an ISO week such as 2026-W47");
        Set<String> common = Set.of("eventId", "type", "schemaVersion", inPeriod ? "period" : "week");
        switch (type) {
            case "consultation-signed-off" -> {
                only(e, at, inPeriod
                        ? union(common, "evidencesPresent", "evidencesDenied", "modelVersion", "suggestions", "finalDiagnosis",
                                "medicationAlerts", "scrubbedNote")
                        : union(common, "ageBand", "sex", "evidencesPresent", "evidencesDenied", "modelVersion",
                                "suggestions", "finalDiagnosis", "medicationAlerts", "scrubbedNote"));
                Optional<String> age = optional(e, at, "ageBand").map(v -> oneOf(v, at + ".ageBand", AGE_BANDS));
                Optional<String> sex = optional(e, at, "sex").map(v -> oneOf(v, at + ".sex", Set.of("F", "M")));
                List<String> present = new ArrayList<>();
                JsonNode pa = array(e, at, "evidencesPresent", false);
                for (int i = 0; i < pa.size(); i++) {
                    present.add(finding(pa.get(i), at + ".evidencesPresent[" + i + "]"));
                }
                List<String> denied = new ArrayList<>();
                JsonNode da = array(e, at, "evidencesDenied", false);
                for (int i = 0; i < da.size(); i++) {
                    denied.add(evidence(da.get(i), at + ".evidencesDenied[" + i + "]"));
                }
                Optional<String> mv = e.has("modelVersion")
                        ? Optional.of(match(e, at, "modelVersion", VERSION, "a semantic version")) : Optional.empty();
                List<FleetEvent.Suggestion> sugg = new ArrayList<>();
                JsonNode sa = array(e, at, "suggestions", false);
                for (int i = 0; i < sa.size(); i++) {
                    String s = at + ".suggestions[" + i + "]";
                    JsonNode n = object(sa.get(i), s);
                    only(n, s, Set.of("rank", "pathology", "scoreBand", "modelVersion"));
                    sugg.add(new FleetEvent.Suggestion(integer(n, s, "rank", 1), pathology(n.get("pathology"), s + ".pathology"),
                            oneOf(text(n, s, "scoreBand"), s + ".scoreBand", SCORE_BANDS),
                            match(n, s, "modelVersion", VERSION, "a semantic version")));
                }
                if (mv.isEmpty() && !sugg.isEmpty()) {
                    throw new MalformedBatchException(at + ".modelVersion", "missing (required when suggestions were shown)");
                }
                Optional<String> fin = e.has("finalDiagnosis")
                        ? Optional.of(pathology(e.get("finalDiagnosis"), at + ".finalDiagnosis")) : Optional.empty();
                List<FleetEvent.MedicationAlert> alerts = new ArrayList<>();
                JsonNode aa = array(e, at, "medicationAlerts", false);
                for (int i = 0; i < aa.size(); i++) {
                    String s = at + ".medicationAlerts[" + i + "]";
                    JsonNode n = object(aa.get(i), s);
                    only(n, s, Set.of("ruleId", "severity", "outcome", "overrideCategory"));
                    alerts.add(new FleetEvent.MedicationAlert(match(n, s, "ruleId", CODE, "a rule code"),
                            oneOf(text(n, s, "severity"), s + ".severity", SEVERITIES),
                            oneOf(text(n, s, "outcome"), s + ".outcome", OUTCOMES),
                            optional(n, s, "overrideCategory").map(v -> oneOf(v, s + ".overrideCategory", OVERRIDE_CATEGORIES))));
                }
                Optional<String> note = optional(e, at, "scrubbedNote").map(n -> scrubbedNote(n, at + ".scrubbedNote"));
                return new FleetEvent.ConsultationSignedOff(id, week, age, sex, present, denied, mv, sugg, fin, alerts, note);
            }
            case "suggestion-feedback" -> {
                only(e, at, union(common, "kind", "item", "rank", "action", "modelVersion"));
                String kind = oneOf(text(e, at, "kind"), at + ".kind", KINDS);
                String item = switch (kind) {
                    case "diagnosis" -> pathology(e.get("item"), at + ".item");
                    case "question" -> evidence(e.get("item"), at + ".item");
                    default -> match(e, at, "item", CODE, "a code (never text)");
                };
                Optional<Integer> rank = e.has("rank") ? Optional.of(integer(e, at, "rank", 1)) : Optional.empty();
                return new FleetEvent.SuggestionFeedback(id, week, kind, item, rank,
                        oneOf(text(e, at, "action"), at + ".action", ACTIONS),
                        match(e, at, "modelVersion", VERSION, "a semantic version"));
            }
            case "medication-alert-outcome" -> {
                only(e, at, union(common, "ruleId", "severity", "outcome", "overrideCategory"));
                return new FleetEvent.MedicationAlertOutcome(id, week, match(e, at, "ruleId", CODE, "a rule code"),
                        oneOf(text(e, at, "severity"), at + ".severity", SEVERITIES),
                        oneOf(text(e, at, "outcome"), at + ".outcome", OUTCOMES),
                        optional(e, at, "overrideCategory").map(v -> oneOf(v, at + ".overrideCategory", OVERRIDE_CATEGORIES)));
            }
            case "latency" -> {
                only(e, at, union(common, "endpoint", "p50Ms", "p95Ms", "count"));
                return new FleetEvent.Latency(id, week, match(e, at, "endpoint", CODE, "an endpoint code"),
                        integer(e, at, "p50Ms", 0), integer(e, at, "p95Ms", 0), integer(e, at, "count", 0));
            }
            default -> throw new MalformedBatchException(at + ".type", "unknown event type '" + type
                    + "' (consultation-signed-off, suggestion-feedback, medication-alert-outcome or latency)");
        }
    }

    private String finding(JsonNode n, String at) {
        String v = string(n, at);
        try {
            knowledge.parseFinding(at, v);
        } catch (RuntimeException ex) {
            throw new MalformedBatchException(at, "not an evidence of the knowledge: '" + clip(v) + "'");
        }
        return v;
    }

    private String evidence(JsonNode n, String at) {
        String v = string(n, at);
        if (!EvidenceCode.isWellFormed(v) || knowledge.evidence(new EvidenceCode(v)).isEmpty()) {
            throw new MalformedBatchException(at, "not an evidence code of the knowledge: '" + clip(v) + "'");
        }
        return v;
    }

    private String pathology(JsonNode n, String at) {
        if (n == null) {
            throw new MalformedBatchException(at, "missing");
        }
        String v = string(n, at);
        if (CATEGORIES.contains(v)) {
            return v;
        }
        try {
            if (knowledge.pathology(PathologyCode.of(v)).isPresent()) {
                return v;
            }
        } catch (RuntimeException ex) {
            // not even a well-formed code: reported below
        }
        throw new MalformedBatchException(at, "not a pathology label code of the knowledge nor a category: '" + clip(v) + "'");
    }

    /**
     * An event's schema version: 1, or 2 for a {@code consultation-signed-off} released over its period.
     *
     * @throws UnknownSchemaException for any other
     */
    private static int eventSchema(JsonNode e, String path, String type) {
        JsonNode v = e.get("schemaVersion");
        if (v != null && v.isIntegralNumber() && v.canConvertToInt() && v.intValue() == PERIOD_SCHEMA_VERSION
                && "consultation-signed-off".equals(type)) {
            return PERIOD_SCHEMA_VERSION;
        }
        schema(e, path);
        return SCHEMA_VERSION;
    }

    /**
     * A release period: four consecutive ISO weeks {@code 2026-W45/2026-W48}, the first on the 4-week grid
     * that starts with 2024-W01 (the box's {@code ReleasePeriod}; re-implemented here, the sides share no code).
     */
    static String period(String v, String at) {
        java.util.regex.Matcher m = PERIOD.matcher(v);
        if (m.matches()) {
            try {
                java.time.LocalDate first = monday(m.group(1));
                if (Math.floorMod(java.time.temporal.ChronoUnit.DAYS.between(PERIOD_ANCHOR, first), 28) == 0
                        && first.plusWeeks(3).equals(monday(m.group(2)))) {
                    return v;
                }
            } catch (java.time.DateTimeException ex) {
                // a week number the year does not have: refused below
            }
        }
        throw new MalformedBatchException(at, "4 ISO weeks on the grid of 2024-W01 such as 2026-W45/2026-W48 expected, found '"
                + clip(v) + "'");
    }

    private static java.time.LocalDate monday(String week) {
        int year = Integer.parseInt(week.substring(0, 4));
        java.time.LocalDate jan4 = java.time.LocalDate.of(year, 1, 4);
        return jan4.with(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR,
                        jan4.range(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR).checkValidIntValue(
                                Integer.parseInt(week.substring(6)), java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR))
                .with(java.time.DayOfWeek.MONDAY);
    }

    private static void schema(JsonNode n, String path) {
        String name = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
        JsonNode v = n.get(name);
        if (v == null) {
            throw new MalformedBatchException(path, "missing");
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() != SCHEMA_VERSION) {
            throw new UnknownSchemaException(path, SCHEMA_VERSION, clip(v.toString()));
        }
    }

    private static void only(JsonNode n, String at, Set<String> allowed) {
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            String k = e.getKey();
            if (!allowed.contains(k)) {
                throw new MalformedBatchException(join(at, k), "unknown field (the protocol allows " + new java.util.TreeSet<>(allowed) + ")");
            }
        }
    }

    private static Set<String> union(Set<String> a, String... more) {
        java.util.HashSet<String> s = new java.util.HashSet<>(a);
        s.addAll(List.of(more));
        return s;
    }

    private static String join(String at, String k) {
        return at.isEmpty() ? k : at + "." + k;
    }

    private static JsonNode object(JsonNode n, String at) {
        if (!n.isObject()) {
            throw new MalformedBatchException(at, "an object expected");
        }
        return n;
    }

    private static JsonNode array(JsonNode n, String at, String k, boolean required) {
        JsonNode v = n.get(k);
        if (v == null) {
            if (required) {
                throw new MalformedBatchException(join(at, k), "missing");
            }
            return BatchValidator.JSON.createArrayNode();
        }
        if (!v.isArray()) {
            throw new MalformedBatchException(join(at, k), "an array expected");
        }
        return v;
    }

    private static String text(JsonNode n, String at, String k) {
        JsonNode v = n.get(k);
        if (v == null) {
            throw new MalformedBatchException(join(at, k), "missing");
        }
        return string(v, join(at, k));
    }

    private static String string(JsonNode v, String at) {
        if (!v.isTextual()) {
            throw new MalformedBatchException(at, "a string expected, found " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return v.textValue();
    }

    private static Optional<String> optional(JsonNode n, String at, String k) {
        return n.has(k) ? Optional.of(text(n, at, k)) : Optional.empty();
    }

    private static String match(JsonNode n, String at, String k, Pattern p, String what) {
        String v = text(n, at, k);
        if (!p.matcher(v).matches()) {
            throw new MalformedBatchException(join(at, k), what + " expected, found '" + clip(v) + "'");
        }
        return v;
    }

    private static String oneOf(String v, String at, Set<String> allowed) {
        if (!allowed.contains(v)) {
            throw new MalformedBatchException(at, "one of " + new java.util.TreeSet<>(allowed) + " expected, found '" + clip(v) + "'");
        }
        return v;
    }

    private static int integer(JsonNode n, String at, String k, int min) {
        JsonNode v = n.get(k);
        if (v == null) {
            throw new MalformedBatchException(join(at, k), "missing");
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < min) {
            throw new MalformedBatchException(join(at, k), "an integer of at least " + min + " expected, found " + clip(v.toString()));
        }
        return v.intValue();
    }

    private static byte[] base64(String v, String field, int length) {
        byte[] b;
        try {
            b = Base64.getDecoder().decode(v);
        } catch (IllegalArgumentException e) {
            throw new MalformedBatchException(field, "standard padded base64 expected: " + e.getMessage());
        }
        if (b.length != length) {
            throw new MalformedBatchException(field, length + " bytes expected, found " + b.length);
        }
        return b;
    }

    /** Refused values are echoed shortened, so a problem response never carries a large blob back. */
    private static String clip(String v) {
        return v.length() <= 64 ? v : v.substring(0, 64) + "…";
    }
}
