package com.mediassist.core.deid;

import com.mediassist.core.InferenceCoreException;

/** Why the de-identifier could not be loaded or run. One subclass per failure, carrying the facts. */
public abstract class DeidException extends InferenceCoreException {

    protected DeidException(String message) {
        super(message);
    }

    protected DeidException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The model or gazetteer file is not in the expected format. */
    public static final class InvalidModelException extends DeidException {
        public InvalidModelException(String message) {
            super(message);
        }

        public InvalidModelException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The de-identification bundle is missing, its manifest malformed, or a file's hash differs. */
    public static final class InvalidBundleException extends DeidException {
        public InvalidBundleException(String message) {
            super(message);
        }

        public InvalidBundleException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
