package com.mediassist.sync.tuf;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code signed} part of a TUF metadata file, one record per top-level role type. Unknown fields
 * are tolerated (they are covered by the signature all the same).
 */
public sealed interface Signed permits Signed.Root, Signed.Timestamp, Signed.Snapshot, Signed.Targets {

    /** The role type, {@code root}, {@code timestamp}, {@code snapshot} or {@code targets}. */
    String type();

    /** The metadata version, at least 1. */
    long version();

    /** When the metadata stops being valid. */
    Instant expires();

    /** Whether it expired at {@code now} (expiry at exactly {@code now} counts as expired). */
    default boolean isExpiredAt(Instant now) {
        return !now.isBefore(expires());
    }

    /** A role that delegates trust to others: root (top-level roles) or targets (delegated roles). */
    sealed interface Delegator permits Root, Targets {
        /**
         * The keys and threshold the delegator gives {@code roleName}.
         *
         * @throws TufException.RepositoryInconsistencyException when it does not delegate that role
         */
        RoleKeys keysFor(String roleName) throws TufException.RepositoryInconsistencyException;
    }

    /**
     * Root metadata.
     *
     * @param version            its version
     * @param expires            expiry
     * @param consistentSnapshot whether metadata and targets are fetched by version and hash prefix
     * @param keys               keys by id
     * @param roles              the four top-level roles' key ids and thresholds
     */
    record Root(long version, Instant expires, boolean consistentSnapshot, Map<String, TufKey> keys,
                Map<String, Role> roles) implements Signed, Delegator {
        public Root {
            keys = Map.copyOf(keys);
            roles = Map.copyOf(roles);
        }

        @Override
        public String type() {
            return "root";
        }

        @Override
        public RoleKeys keysFor(String roleName) throws TufException.RepositoryInconsistencyException {
            Role r = roles.get(roleName);
            if (r == null) {
                throw new TufException.RepositoryInconsistencyException("root does not define the role " + roleName);
            }
            return new RoleKeys(roleName, r.keyIds(), r.threshold(), keys);
        }
    }

    /**
     * Timestamp metadata.
     *
     * @param version      its version
     * @param expires      expiry
     * @param snapshotMeta what it says of {@code snapshot.json}
     */
    record Timestamp(long version, Instant expires, MetaFile snapshotMeta) implements Signed {
        @Override
        public String type() {
            return "timestamp";
        }
    }

    /**
     * Snapshot metadata.
     *
     * @param version its version
     * @param expires expiry
     * @param meta    the targets metadata files ({@code targets.json}, {@code <role>.json}) it vouches for
     */
    record Snapshot(long version, Instant expires, Map<String, MetaFile> meta) implements Signed {
        public Snapshot {
            meta = Map.copyOf(meta);
        }

        @Override
        public String type() {
            return "snapshot";
        }
    }

    /**
     * Targets metadata (top-level or delegated).
     *
     * @param version     its version
     * @param expires     expiry
     * @param targets     target files by target path, in file order
     * @param delegations delegations to other roles, when there are any
     */
    record Targets(long version, Instant expires, Map<String, TargetFile> targets,
                   Optional<Delegations> delegations) implements Signed, Delegator {
        public Targets {
            targets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(targets));
        }

        @Override
        public String type() {
            return "targets";
        }

        @Override
        public RoleKeys keysFor(String roleName) throws TufException.RepositoryInconsistencyException {
            Delegations d = delegations.orElseThrow(() ->
                    new TufException.RepositoryInconsistencyException("no delegations towards " + roleName));
            if (d.roles().isPresent()) {
                for (DelegatedRole r : d.roles().get()) {
                    if (r.name().equals(roleName)) {
                        return new RoleKeys(roleName, r.keyIds(), r.threshold(), d.keys());
                    }
                }
            } else if (d.succinctRoles().isPresent() && d.succinctRoles().get().isDelegatedRole(roleName)) {
                SuccinctRoles s = d.succinctRoles().get();
                return new RoleKeys(roleName, s.keyIds(), s.threshold(), d.keys());
            }
            throw new TufException.RepositoryInconsistencyException("the delegator does not delegate to " + roleName);
        }
    }

    /**
     * Key ids and threshold of a top-level role.
     *
     * @param keyIds    distinct key ids
     * @param threshold how many of them must sign, at least 1
     */
    record Role(List<String> keyIds, int threshold) {
        public Role {
            keyIds = List.copyOf(keyIds);
        }
    }

    /**
     * The keys a delegator trusts for one role, ready to count signatures.
     *
     * @param role      the delegated role's name
     * @param keyIds    its key ids
     * @param threshold signatures needed
     * @param keys      the delegator's keys by id
     */
    record RoleKeys(String role, List<String> keyIds, int threshold, Map<String, TufKey> keys) {

        /**
         * Counts distinct valid signatures by the role's keys over {@code payload}.
         *
         * @return how many verified (at least the threshold)
         * @throws TufException.SignatureThresholdException when fewer than the threshold verify
         */
        int verify(byte[] payload, Map<String, String> signatures) throws TufException.SignatureThresholdException {
            int valid = 0;
            for (String keyId : keyIds) {
                TufKey key = keys.get(keyId);
                String sig = signatures.get(keyId);
                if (key != null && sig != null && key.verifies(sig, payload)) {
                    valid++;
                }
            }
            if (valid < threshold) {
                throw new TufException.SignatureThresholdException(role, threshold, valid);
            }
            return valid;
        }
    }

    /**
     * A file a role vouches for by version (and optionally length and hashes).
     *
     * @param version the version the file must have
     * @param length  its exact length, when given
     * @param hashes  hex digests by algorithm, possibly empty
     */
    record MetaFile(long version, Optional<Long> length, Map<String, String> hashes) {
        public MetaFile {
            hashes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hashes));
        }

        /**
         * Checks length and every hash against {@code data}.
         *
         * @throws TufException.LengthOrHashMismatchException on any difference or an unknown algorithm
         */
        void verify(String what, byte[] data) throws TufException.LengthOrHashMismatchException {
            if (length.isPresent() && length.get() != data.length) {
                throw new TufException.LengthOrHashMismatchException(what, length.get() + " bytes", data.length + " bytes");
            }
            Hashes.verify(what, hashes, data);
        }
    }

    /**
     * A target file.
     *
     * @param path   its target path
     * @param length exact length in bytes
     * @param hashes hex digests by algorithm, in file order, at least one
     * @param custom the {@code custom} object, when present (e.g. what a bundle is)
     */
    record TargetFile(String path, long length, Map<String, String> hashes, Optional<JsonNode> custom) {
        public TargetFile {
            hashes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hashes));
        }

        /**
         * Checks length and every hash.
         *
         * @throws TufException.LengthOrHashMismatchException on any difference or an unknown algorithm
         */
        public void verify(byte[] data) throws TufException.LengthOrHashMismatchException {
            if (length != data.length) {
                throw new TufException.LengthOrHashMismatchException("target " + path, length + " bytes", data.length + " bytes");
            }
            Hashes.verify("target " + path, hashes, data);
        }
    }

    /**
     * Delegations of a targets role: either listed roles or succinct hash bins (TAP 15).
     *
     * @param keys          keys by id
     * @param roles         the delegated roles in trust order
     * @param succinctRoles hash-bin roles
     */
    record Delegations(Map<String, TufKey> keys, Optional<List<DelegatedRole>> roles,
                       Optional<SuccinctRoles> succinctRoles) {
        public Delegations {
            keys = Map.copyOf(keys);
        }

        /** The roles responsible for {@code targetPath}, in order, each with its terminating flag. */
        List<Map.Entry<String, Boolean>> rolesFor(String targetPath) {
            List<Map.Entry<String, Boolean>> out = new ArrayList<>();
            if (roles.isPresent()) {
                for (DelegatedRole r : roles.get()) {
                    if (r.isDelegatedPath(targetPath)) {
                        out.add(Map.entry(r.name(), r.terminating()));
                    }
                }
            } else if (succinctRoles.isPresent()) {
                out.add(Map.entry(succinctRoles.get().roleFor(targetPath), true));
            }
            return out;
        }
    }

    /**
     * A delegated role.
     *
     * @param name             role name
     * @param keyIds           key ids
     * @param threshold        signatures needed
     * @param terminating      whether a search stops here
     * @param paths            path patterns ({@code *} and {@code ?} within one path segment)
     * @param pathHashPrefixes hex prefixes of the SHA-256 of target paths
     */
    record DelegatedRole(String name, List<String> keyIds, int threshold, boolean terminating,
                         Optional<List<String>> paths, Optional<List<String>> pathHashPrefixes) {

        boolean isDelegatedPath(String targetPath) {
            if (pathHashPrefixes.isPresent()) {
                String h = Hashes.sha256Hex(targetPath.getBytes(StandardCharsets.UTF_8));
                return pathHashPrefixes.get().stream().anyMatch(h::startsWith);
            }
            return paths.orElse(List.of()).stream().anyMatch(p -> matches(targetPath, p));
        }

        private static boolean matches(String target, String pattern) {
            String[] t = target.split("/", -1);
            String[] p = pattern.split("/", -1);
            if (t.length != p.length) {
                return false;
            }
            for (int i = 0; i < t.length; i++) {
                if (!Glob.matches(t[i], p[i])) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Succinct hash-bin delegation (TAP 15): {@code 2^bitLength} roles named {@code prefix-<hex>}.
     *
     * @param keyIds     key ids shared by all bins
     * @param threshold  signatures needed
     * @param bitLength  1 to 32
     * @param namePrefix bin name prefix
     */
    record SuccinctRoles(List<String> keyIds, int threshold, int bitLength, String namePrefix) {

        private int suffixLength() {
            return Long.toHexString((1L << bitLength) - 1).length();
        }

        String roleFor(String targetPath) {
            byte[] h = Hashes.sha256(targetPath.getBytes(StandardCharsets.UTF_8));
            long first4 = ((h[0] & 0xffL) << 24) | ((h[1] & 0xffL) << 16) | ((h[2] & 0xffL) << 8) | (h[3] & 0xffL);
            long bin = first4 >>> (32 - bitLength);
            return namePrefix + "-" + String.format(Locale.ROOT, "%0" + suffixLength() + "x", bin);
        }

        boolean isDelegatedRole(String roleName) {
            String prefix = namePrefix + "-";
            if (!roleName.startsWith(prefix)) {
                return false;
            }
            String suffix = roleName.substring(prefix.length());
            if (suffix.length() != suffixLength() || !suffix.matches("[0-9a-f]+")) {
                return false;
            }
            return Long.parseLong(suffix, 16) < (1L << bitLength);
        }
    }

    /** Digest helpers on the JDK's providers. */
    final class Hashes {
        private Hashes() {
        }

        static byte[] sha256(byte[] data) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(data);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
            }
        }

        static String sha256Hex(byte[] data) {
            return HexFormat.of().formatHex(sha256(data));
        }

        static void verify(String what, Map<String, String> hashes, byte[] data)
                throws TufException.LengthOrHashMismatchException {
            for (Map.Entry<String, String> e : hashes.entrySet()) {
                String jdk = switch (e.getKey()) {
                    case "sha224" -> "SHA-224";
                    case "sha256" -> "SHA-256";
                    case "sha384" -> "SHA-384";
                    case "sha512" -> "SHA-512";
                    default -> null;
                };
                if (jdk == null) {
                    throw new TufException.LengthOrHashMismatchException(what, "a supported hash algorithm",
                            "'" + e.getKey() + "'");
                }
                String found;
                try {
                    found = HexFormat.of().formatHex(MessageDigest.getInstance(jdk).digest(data));
                } catch (NoSuchAlgorithmException ex) {
                    throw new IllegalStateException(jdk + " is part of every Java runtime", ex);
                }
                if (!found.equals(e.getValue())) {
                    throw new TufException.LengthOrHashMismatchException(what, e.getKey() + " " + e.getValue(),
                            e.getKey() + " " + found);
                }
            }
        }
    }

    /** fnmatch-style glob on one path segment: {@code *}, {@code ?}, {@code [seq]}, {@code [!seq]}. */
    final class Glob {
        private Glob() {
        }

        static boolean matches(String text, String pattern) {
            StringBuilder re = new StringBuilder();
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == '*') {
                    re.append(".*");
                } else if (c == '?') {
                    re.append('.');
                } else if (c == '[') {
                    int j = i + 1;
                    if (j < pattern.length() && pattern.charAt(j) == '!') {
                        j++;
                    }
                    if (j < pattern.length() && pattern.charAt(j) == ']') {
                        j++;
                    }
                    while (j < pattern.length() && pattern.charAt(j) != ']') {
                        j++;
                    }
                    if (j >= pattern.length()) {
                        re.append("\\[");
                    } else {
                        String set = pattern.substring(i + 1, j).replace("\\", "\\\\");
                        if (set.startsWith("!")) {
                            set = "^" + set.substring(1);
                        } else if (set.startsWith("^")) {
                            set = "\\" + set;
                        }
                        re.append('[').append(set).append(']');
                        i = j;
                    }
                } else {
                    re.append(java.util.regex.Pattern.quote(String.valueOf(c)));
                }
            }
            return java.util.regex.Pattern.compile(re.toString(), java.util.regex.Pattern.DOTALL).matcher(text).matches();
        }
    }
}
