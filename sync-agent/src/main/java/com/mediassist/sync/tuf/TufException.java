package com.mediassist.sync.tuf;

import java.time.Instant;

/**
 * Why the TUF client refused metadata or a target. One subclass per failure; each carries the facts
 * (role, expected and found values). Verification never answers "false": it throws one of these.
 */
public abstract class TufException extends Exception {

    protected TufException(String message) {
        super(message);
    }

    protected TufException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Metadata is not well-formed JSON, not of the expected type, or breaks the specification's format. */
    public static final class MetadataFormatException extends TufException {
        private final String role;

        public MetadataFormatException(String role, String problem) {
            super(role + " metadata is malformed: " + problem);
            this.role = role;
        }

        public MetadataFormatException(String role, String problem, Throwable cause) {
            super(role + " metadata is malformed: " + problem, cause);
            this.role = role;
        }

        /** The role whose metadata was malformed. */
        public String role() {
            return role;
        }
    }

    /** Fewer valid signatures from the role's keys than its threshold. */
    public static final class SignatureThresholdException extends TufException {
        private final String role;
        private final int required;
        private final int verified;

        public SignatureThresholdException(String role, int required, int verified) {
            super(role + " needs " + required + " valid signature(s) from its keys, found " + verified);
            this.role = role;
            this.required = required;
            this.verified = verified;
        }

        public String role() {
            return role;
        }

        public int required() {
            return required;
        }

        public int verified() {
            return verified;
        }
    }

    /** A version number went back (or a newer version of something trusted was expected). */
    public static final class RollbackVersionException extends TufException {
        private final String role;
        private final long trusted;
        private final long found;

        public RollbackVersionException(String role, long trusted, long found) {
            super(role + " version " + found + " is older than the trusted version " + trusted);
            this.role = role;
            this.trusted = trusted;
            this.found = found;
        }

        public String role() {
            return role;
        }

        public long trusted() {
            return trusted;
        }

        public long found() {
            return found;
        }
    }

    /** Metadata has another version than the one its referrer (root chain, timestamp, snapshot) names. */
    public static final class VersionMismatchException extends TufException {
        private final String role;
        private final long expected;
        private final long found;

        public VersionMismatchException(String role, long expected, long found) {
            super(role + " version " + found + " found where version " + expected + " was expected");
            this.role = role;
            this.expected = expected;
            this.found = found;
        }

        public String role() {
            return role;
        }

        public long expected() {
            return expected;
        }

        public long found() {
            return found;
        }
    }

    /** The same version was served again: nothing new (not a failure of the refresh by itself). */
    public static final class EqualVersionException extends TufException {
        public EqualVersionException(String role, long version) {
            super(role + " version " + version + " is the one already trusted");
        }
    }

    /** Metadata expired at or before the reference time (a frozen or stale repository). */
    public static final class ExpiredMetadataException extends TufException {
        private final String role;
        private final Instant expires;
        private final Instant now;

        public ExpiredMetadataException(String role, Instant expires, Instant now) {
            super(role + " metadata expired at " + expires + "; the reference time is " + now);
            this.role = role;
            this.expires = expires;
            this.now = now;
        }

        public String role() {
            return role;
        }

        public Instant expires() {
            return expires;
        }

        public Instant now() {
            return now;
        }
    }

    /** A file's length or one of its hashes differs from what the trusted metadata says. */
    public static final class LengthOrHashMismatchException extends TufException {
        private final String what;
        private final String expected;
        private final String found;

        public LengthOrHashMismatchException(String what, String expected, String found) {
            super(what + " does not match the trusted metadata: expected " + expected + ", found " + found);
            this.what = what;
            this.expected = expected;
            this.found = found;
        }

        public String what() {
            return what;
        }

        public String expected() {
            return expected;
        }

        public String found() {
            return found;
        }
    }

    /** The server sent more bytes than the limit for the file (endless data attack). */
    public static final class DownloadTooLargeException extends TufException {
        private final String url;
        private final long limit;

        public DownloadTooLargeException(String url, long limit) {
            super(url + " is longer than its limit of " + limit + " bytes");
            this.url = url;
            this.limit = limit;
        }

        public String url() {
            return url;
        }

        public long limit() {
            return limit;
        }
    }

    /** The repository answered with an HTTP error status (or the file is absent from a local snapshot). */
    public static final class DownloadHttpException extends TufException {
        private final String url;
        private final int status;

        public DownloadHttpException(String url, int status) {
            super(url + " answered HTTP " + status);
            this.url = url;
            this.status = status;
        }

        public String url() {
            return url;
        }

        public int status() {
            return status;
        }
    }

    /** The repository could not be reached, or a download stalled or was cut (slow retrieval). */
    public static final class DownloadFailedException extends TufException {
        private final String url;

        public DownloadFailedException(String url, Throwable cause) {
            super("cannot download " + url + ": " + cause.getMessage(), cause);
            this.url = url;
        }

        public String url() {
            return url;
        }
    }

    /** A delegated role is missing from the snapshot, or the delegation graph is inconsistent. */
    public static final class RepositoryInconsistencyException extends TufException {
        public RepositoryInconsistencyException(String problem) {
            super(problem);
        }
    }

    /** No trusted targets role lists the requested target. */
    public static final class TargetNotFoundException extends TufException {
        private final String target;

        public TargetNotFoundException(String target) {
            super("no trusted targets metadata lists the target '" + target + "'");
            this.target = target;
        }

        public String target() {
            return target;
        }
    }

    /** The local metadata directory could not be read or written. */
    public static final class StorageException extends TufException {
        public StorageException(String problem, Throwable cause) {
            super(problem + ": " + cause.getMessage(), cause);
        }
    }

    /**
     * Signed metadata kept to re-verify an installed target (see {@link TargetEvidence}) does not prove it: a
     * file is missing or unreadable, a signature threshold is not met, versions or hashes do not chain, or the
     * target's bytes differ. {@link #file()} names the kept file; the cause is the failed check, when there is one.
     */
    public static final class EvidenceException extends TufException {
        private final String file;
        private final String problem;

        public EvidenceException(String file, String problem, Throwable cause) {
            super(file + ": " + problem, cause);
            this.file = file;
            this.problem = problem;
        }

        /** The kept file that does not verify ({@code targets.json}, {@code target.zip}, {@code roots/3.root.json}, …). */
        public String file() {
            return file;
        }

        /** What is wrong with it, in words. */
        public String problem() {
            return problem;
        }
    }
}
