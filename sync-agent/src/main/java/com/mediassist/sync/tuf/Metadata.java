package com.mediassist.sync.tuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.mediassist.sync.tuf.Signed.DelegatedRole;
import com.mediassist.sync.tuf.Signed.Delegations;
import com.mediassist.sync.tuf.Signed.MetaFile;
import com.mediassist.sync.tuf.Signed.Role;
import com.mediassist.sync.tuf.Signed.SuccinctRoles;
import com.mediassist.sync.tuf.Signed.TargetFile;
import com.mediassist.sync.tuf.TufException.MetadataFormatException;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One parsed metadata file: its {@code signed} content, the canonical bytes the signatures cover and
 * the signatures by key id. Parsing checks the format only; trust comes from {@link TrustedMetadata}.
 *
 * @param signed      the parsed content
 * @param signedBytes canonical JSON of {@code signed}
 * @param signatures  hex signatures by key id (key ids are unique)
 * @param <T>         the role type
 */
public record Metadata<T extends Signed>(T signed, byte[] signedBytes, Map<String, String> signatures) {

    /** The specification major version this client implements. */
    static final String SPEC_MAJOR = "1";

    private static final Pattern EXPIRES = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    private static final DateTimeFormatter EXPIRES_FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'");
    private static final Set<String> TOP_LEVEL = Set.of("root", "timestamp", "snapshot", "targets");

    /**
     * Parses {@code data} as metadata of {@code type}.
     *
     * @throws MetadataFormatException when it is not JSON, not of that type, or malformed
     */
    static <T extends Signed> Metadata<T> parse(byte[] data, Class<T> type, String role) throws MetadataFormatException {
        JsonNode tree;
        try {
            tree = CanonicalJson.parse(data);
        } catch (IOException e) {
            throw new MetadataFormatException(role, "not valid JSON (" + e.getMessage() + ")", e);
        }
        try {
            JsonNode signedNode = object(tree, "signed", role);
            Map<String, String> sigs = new LinkedHashMap<>();
            for (JsonNode s : array(tree, "signatures", role)) {
                String keyId = text(s, "keyid", role);
                if (sigs.put(keyId, text(s, "sig", role)) != null) {
                    throw new MetadataFormatException(role, "more than one signature by key " + keyId);
                }
            }
            Signed signed = switch (text(signedNode, "_type", role)) {
                case "root" -> root(signedNode, role);
                case "timestamp" -> timestamp(signedNode, role);
                case "snapshot" -> snapshot(signedNode, role);
                case "targets" -> targets(signedNode, role);
                default -> throw new MetadataFormatException(role, "unknown _type '" + signedNode.get("_type").asText() + "'");
            };
            if (!type.isInstance(signed)) {
                throw new MetadataFormatException(role, "expected " + type.getSimpleName().toLowerCase(java.util.Locale.ROOT)
                        + " metadata, found " + signed.type());
            }
            byte[] canonical;
            try {
                canonical = CanonicalJson.encode(signedNode);
            } catch (IllegalArgumentException e) {
                throw new MetadataFormatException(role, e.getMessage(), e);
            }
            return new Metadata<>(type.cast(signed), canonical, Map.copyOf(sigs));
        } catch (ClassCastException | NullPointerException e) {
            throw new MetadataFormatException(role, "unexpected structure", e);
        }
    }

    private static long version(JsonNode signed, String role) throws MetadataFormatException {
        String spec = text(signed, "spec_version", role);
        String[] parts = spec.split("\\.", -1);
        if (parts.length < 2 || parts.length > 3 || !spec.matches("[0-9]+(\\.[0-9]+){1,2}")) {
            throw new MetadataFormatException(role, "spec_version '" + spec + "' is not a version");
        }
        if (!parts[0].equals(SPEC_MAJOR)) {
            throw new MetadataFormatException(role, "spec_version " + spec + " is not of specification " + SPEC_MAJOR + ".x");
        }
        return positive(signed, "version", role);
    }

    private static Instant expires(JsonNode signed, String role) throws MetadataFormatException {
        String e = text(signed, "expires", role);
        if (!EXPIRES.matcher(e).matches()) {
            throw new MetadataFormatException(role, "expires '" + e + "' is not YYYY-MM-DDTHH:MM:SSZ");
        }
        try {
            return LocalDateTime.parse(e, EXPIRES_FORMAT).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ex) {
            throw new MetadataFormatException(role, "expires '" + e + "' is not a date", ex);
        }
    }

    private static Signed.Root root(JsonNode s, String role) throws MetadataFormatException {
        long version = version(s, role);
        Instant expires = expires(s, role);
        boolean consistent = true;
        if (s.has("consistent_snapshot")) {
            JsonNode c = s.get("consistent_snapshot");
            if (!c.isBoolean()) {
                throw new MetadataFormatException(role, "consistent_snapshot is not a boolean");
            }
            consistent = c.booleanValue();
        }
        Map<String, TufKey> keys = keys(object(s, "keys", role), role);
        JsonNode rolesNode = object(s, "roles", role);
        Map<String, Role> roles = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = rolesNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            roles.put(e.getKey(), new Role(keyIds(e.getValue(), role), threshold(e.getValue(), role)));
        }
        if (!roles.keySet().equals(TOP_LEVEL)) {
            throw new MetadataFormatException(role, "root roles must be exactly " + TOP_LEVEL + ", found " + roles.keySet());
        }
        return new Signed.Root(version, expires, consistent, keys, roles);
    }

    private static Signed.Timestamp timestamp(JsonNode s, String role) throws MetadataFormatException {
        long version = version(s, role);
        Instant expires = expires(s, role);
        JsonNode meta = object(s, "meta", role);
        return new Signed.Timestamp(version, expires, metaFile(object(meta, "snapshot.json", role), role));
    }

    private static Signed.Snapshot snapshot(JsonNode s, String role) throws MetadataFormatException {
        long version = version(s, role);
        Instant expires = expires(s, role);
        Map<String, MetaFile> meta = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object(s, "meta", role).fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isObject()) {
                throw new MetadataFormatException(role, "meta of " + e.getKey() + " is not an object");
            }
            meta.put(e.getKey(), metaFile(e.getValue(), role));
        }
        return new Signed.Snapshot(version, expires, meta);
    }

    private static Signed.Targets targets(JsonNode s, String role) throws MetadataFormatException {
        long version = version(s, role);
        Instant expires = expires(s, role);
        Map<String, TargetFile> targets = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object(s, "targets", role).fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode t = e.getValue();
            if (!t.isObject()) {
                throw new MetadataFormatException(role, "target " + e.getKey() + " is not an object");
            }
            long length = nonNegative(t, "length", role);
            Map<String, String> hashes = hashes(object(t, "hashes", role), role);
            if (hashes.isEmpty()) {
                throw new MetadataFormatException(role, "target " + e.getKey() + " has no hashes");
            }
            Optional<JsonNode> custom = Optional.ofNullable(t.get("custom"));
            targets.put(e.getKey(), new TargetFile(e.getKey(), length, hashes, custom));
        }
        Optional<Delegations> delegations = Optional.empty();
        if (s.has("delegations") && !s.get("delegations").isNull()) {
            delegations = Optional.of(delegations(object(s, "delegations", role), role));
        }
        return new Signed.Targets(version, expires, targets, delegations);
    }

    private static Delegations delegations(JsonNode d, String role) throws MetadataFormatException {
        Map<String, TufKey> keys = keys(object(d, "keys", role), role);
        boolean hasRoles = d.has("roles");
        boolean hasSuccinct = d.has("succinct_roles");
        if (hasRoles == hasSuccinct) {
            throw new MetadataFormatException(role, "delegations need exactly one of roles and succinct_roles");
        }
        if (hasSuccinct) {
            JsonNode sr = object(d, "succinct_roles", role);
            long bits = positive(sr, "bit_length", role);
            if (bits > 32) {
                throw new MetadataFormatException(role, "succinct_roles bit_length must be 1 to 32, found " + bits);
            }
            return new Delegations(keys, Optional.empty(), Optional.of(new SuccinctRoles(keyIds(sr, role),
                    threshold(sr, role), (int) bits, text(sr, "name_prefix", role))));
        }
        List<DelegatedRole> roles = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode r : array(d, "roles", role)) {
            String name = text(r, "name", role);
            if (name.isEmpty() || TOP_LEVEL.contains(name)) {
                throw new MetadataFormatException(role, "delegated role name '" + name + "' is empty or a top-level role");
            }
            if (!names.add(name)) {
                throw new MetadataFormatException(role, "delegated role " + name + " appears twice");
            }
            JsonNode term = r.get("terminating");
            if (term == null || !term.isBoolean()) {
                throw new MetadataFormatException(role, "delegated role " + name + " lacks a boolean terminating");
            }
            boolean hasPaths = r.has("paths");
            boolean hasPrefixes = r.has("path_hash_prefixes");
            if (hasPaths == hasPrefixes) {
                throw new MetadataFormatException(role, "delegated role " + name + " needs exactly one of paths and path_hash_prefixes");
            }
            roles.add(new DelegatedRole(name, keyIds(r, role), threshold(r, role), term.booleanValue(),
                    hasPaths ? Optional.of(strings(r, "paths", role)) : Optional.empty(),
                    hasPrefixes ? Optional.of(strings(r, "path_hash_prefixes", role)) : Optional.empty()));
        }
        return new Delegations(keys, Optional.of(List.copyOf(roles)), Optional.empty());
    }

    private static MetaFile metaFile(JsonNode m, String role) throws MetadataFormatException {
        long version = positive(m, "version", role);
        Optional<Long> length = m.has("length") ? Optional.of(nonNegative(m, "length", role)) : Optional.empty();
        Map<String, String> hashes = Map.of();
        if (m.has("hashes")) {
            hashes = hashes(object(m, "hashes", role), role);
            if (hashes.isEmpty()) {
                throw new MetadataFormatException(role, "hashes must not be empty when present");
            }
        }
        return new MetaFile(version, length, hashes);
    }

    private static Map<String, String> hashes(JsonNode h, String role) throws MetadataFormatException {
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = h.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw new MetadataFormatException(role, "hash " + e.getKey() + " is not a string");
            }
            out.put(e.getKey(), e.getValue().textValue());
        }
        return out;
    }

    private static Map<String, TufKey> keys(JsonNode k, String role) throws MetadataFormatException {
        Map<String, TufKey> keys = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = k.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode key = e.getValue();
            if (!key.isObject()) {
                throw new MetadataFormatException(role, "key " + e.getKey() + " is not an object");
            }
            JsonNode keyval = object(key, "keyval", role);
            keys.put(e.getKey(), new TufKey(e.getKey(), text(key, "keytype", role), text(key, "scheme", role),
                    keyval.has("public") ? text(keyval, "public", role) : ""));
        }
        return keys;
    }

    private static List<String> keyIds(JsonNode r, String role) throws MetadataFormatException {
        List<String> ids = strings(r, "keyids", role);
        if (new HashSet<>(ids).size() != ids.size()) {
            throw new MetadataFormatException(role, "a role lists the same key id twice: " + ids);
        }
        return ids;
    }

    private static int threshold(JsonNode r, String role) throws MetadataFormatException {
        long t = positive(r, "threshold", role);
        return t > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) t;
    }

    private static List<String> strings(JsonNode n, String field, String role) throws MetadataFormatException {
        List<String> out = new ArrayList<>();
        for (JsonNode s : array(n, field, role)) {
            if (!s.isTextual()) {
                throw new MetadataFormatException(role, field + " holds a non-string");
            }
            out.add(s.textValue());
        }
        return out;
    }

    private static JsonNode object(JsonNode n, String field, String role) throws MetadataFormatException {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || !v.isObject()) {
            throw new MetadataFormatException(role, "'" + field + "' is missing or not an object");
        }
        return v;
    }

    private static JsonNode array(JsonNode n, String field, String role) throws MetadataFormatException {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || !v.isArray()) {
            throw new MetadataFormatException(role, "'" + field + "' is missing or not an array");
        }
        return v;
    }

    private static String text(JsonNode n, String field, String role) throws MetadataFormatException {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || !v.isTextual()) {
            throw new MetadataFormatException(role, "'" + field + "' is missing or not a string");
        }
        return v.textValue();
    }

    private static long positive(JsonNode n, String field, String role) throws MetadataFormatException {
        long v = integer(n, field, role);
        if (v <= 0) {
            throw new MetadataFormatException(role, "'" + field + "' must be at least 1, found " + v);
        }
        return v;
    }

    private static long nonNegative(JsonNode n, String field, String role) throws MetadataFormatException {
        long v = integer(n, field, role);
        if (v < 0) {
            throw new MetadataFormatException(role, "'" + field + "' must not be negative, found " + v);
        }
        return v;
    }

    private static long integer(JsonNode n, String field, String role) throws MetadataFormatException {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || !v.isIntegralNumber()) {
            throw new MetadataFormatException(role, "'" + field + "' is missing or not an integer");
        }
        BigInteger b = v.bigIntegerValue();
        if (b.bitLength() > 63) {
            throw new MetadataFormatException(role, "'" + field + "' is out of range: " + b);
        }
        return b.longValue();
    }
}
