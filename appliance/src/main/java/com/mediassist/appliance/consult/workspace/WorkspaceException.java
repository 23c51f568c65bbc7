package com.mediassist.appliance.consult.workspace;

/** Root of the consultation commands' failures; the REST layer maps each to problem details. */
public abstract sealed class WorkspaceException extends RuntimeException
        permits WorkspaceException.InvalidCommandException, WorkspaceException.ConsultationClosedException {

    WorkspaceException(String message) {
        super(message);
    }

    /** A command names something that does not exist or is malformed. */
    public static final class InvalidCommandException extends WorkspaceException {

        private final String field;
        private final String reason;

        public InvalidCommandException(String field, String reason) {
            super(field + ": " + reason);
            this.field = field;
            this.reason = reason;
        }

        /** The offending field, e.g. {@code commands[2].code}. */
        public String field() {
            return field;
        }

        /** What was wrong with it. */
        public String reason() {
            return reason;
        }
    }

    /** A command for a consultation already signed off. */
    public static final class ConsultationClosedException extends WorkspaceException {

        private final long consultationId;

        public ConsultationClosedException(long consultationId) {
            super("Consultation " + consultationId + " was signed off and cannot change");
            this.consultationId = consultationId;
        }

        public long consultationId() {
            return consultationId;
        }
    }
}
