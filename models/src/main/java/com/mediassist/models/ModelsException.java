package com.mediassist.models;

/** Root of the vendor tools' failures: bad input files, training or export errors. */
public class ModelsException extends RuntimeException {

    public ModelsException(String message) {
        super(message);
    }

    public ModelsException(String message, Throwable cause) {
        super(message, cause);
    }

    /** An input file (patients CSV, release JSON, translation table) is missing or malformed. */
    public static final class BadInputException extends ModelsException {
        public BadInputException(String message) {
            super(message);
        }

        public BadInputException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
