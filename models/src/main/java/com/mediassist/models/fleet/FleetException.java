package com.mediassist.models.fleet;

import com.mediassist.models.ModelsException;

/**
 * Why the fleet service refused a batch or a command. One subclass per failure, each carrying the
 * facts and the stable {@link #reason()} code that names its RFC 9457 problem type and its counter
 * in {@code fleet stats}.
 */
public abstract sealed class FleetException extends ModelsException
        permits FleetException.MalformedBatchException, FleetException.UnknownSchemaException,
        FleetException.BadSignatureException, FleetException.UnknownClinicException,
        FleetException.TooLargeException, FleetException.StorageException, FleetException.RegistryException {

    FleetException(String message) {
        super(message);
    }

    FleetException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The problem type's last path segment, e.g. {@code malformed}. */
    public abstract String reason();

    /** Not JSON, a missing or extra field, a wrong type or value, or a content address that does not match. */
    public static final class MalformedBatchException extends FleetException {
        private final String field;

        public MalformedBatchException(String field, String problem) {
            super(field + ": " + problem);
            this.field = field;
        }

        /** The JSON path of the offending field ({@code body} when the body is not JSON). */
        public String field() {
            return field;
        }

        @Override
        public String reason() {
            return "malformed";
        }
    }

    /** A {@code schemaVersion} other than the one this service reads. */
    public static final class UnknownSchemaException extends FleetException {
        private final String field;
        private final String found;

        public UnknownSchemaException(String field, int expected, String found) {
            super(field + ": schema version " + expected + " expected, found " + found);
            this.field = field;
            this.found = found;
        }

        public String field() {
            return field;
        }

        public String found() {
            return found;
        }

        @Override
        public String reason() {
            return "unknown-schema";
        }
    }

    /** The signature does not verify with the envelope's clinic key. */
    public static final class BadSignatureException extends FleetException {
        private final String clinicId;

        public BadSignatureException(String clinicId, String contentAddress) {
            super("the signature over " + contentAddress + " does not verify with the key of clinic " + clinicId);
            this.clinicId = clinicId;
        }

        public String clinicId() {
            return clinicId;
        }

        @Override
        public String reason() {
            return "bad-signature";
        }
    }

    /** The envelope's clinic key is not registered ({@code fleet add-clinic}). */
    public static final class UnknownClinicException extends FleetException {
        private final String clinicKey;

        public UnknownClinicException(String clinicKey) {
            super("clinic key " + clinicKey + " is not registered; register it with 'models fleet add-clinic'");
            this.clinicKey = clinicKey;
        }

        public String clinicKey() {
            return clinicKey;
        }

        @Override
        public String reason() {
            return "unknown-clinic";
        }
    }

    /** The body is over the size limit. */
    public static final class TooLargeException extends FleetException {
        private final long limit;

        public TooLargeException(long limit) {
            super("the body is over the limit of " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }

        @Override
        public String reason() {
            return "too-large";
        }
    }

    /** The ingest log or registry could not be written or read; nothing was acknowledged. */
    public static final class StorageException extends FleetException {
        public StorageException(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        public String reason() {
            return "storage";
        }
    }

    /** A clinic registration was refused (bad key, a key or name already registered). */
    public static final class RegistryException extends FleetException {
        public RegistryException(String message) {
            super(message);
        }

        @Override
        public String reason() {
            return "registry";
        }
    }
}
