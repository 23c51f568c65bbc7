package com.mediassist.core.diagnosis;

import com.mediassist.core.InferenceCoreException;

/** Failures of the diagnosis engine. */
public abstract class DiagnosisException extends InferenceCoreException {

    protected DiagnosisException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Neither the model nor the fallback can answer; {@link #getMessage()} says why. */
    public static final class DiagnosisUnavailableException extends DiagnosisException {
        public DiagnosisUnavailableException(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    /** The ONNX model could not be opened or run. */
    public static final class ModelRunException extends DiagnosisException {
        public ModelRunException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
