package com.mediassist.core.knowledge;

/**
 * Root of the failures raised by the deterministic clinical knowledge engines (medication checks,
 * recommended tests, preventive care). Each failure mode is a subclass carrying its facts.
 */
public abstract class KnowledgeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected KnowledgeException(String message, Throwable cause) {
        super(message, cause);
    }
}
