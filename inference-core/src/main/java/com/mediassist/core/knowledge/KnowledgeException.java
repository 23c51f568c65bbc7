package com.mediassist.core.knowledge;

import com.mediassist.core.InferenceCoreException;

/**
 * Root of the failures of the clinical knowledge: unreadable knowledge files, input the knowledge
 * does not know, and the failures of the deterministic knowledge engines (medication checks,
 * recommended tests, preventive care). Each failure mode is a subclass carrying its facts.
 */
public abstract class KnowledgeException extends InferenceCoreException {

    private static final long serialVersionUID = 1L;

    protected KnowledgeException(String message) {
        super(message);
    }

    protected KnowledgeException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The knowledge file is missing, unreadable or inconsistent. */
    public static final class MalformedKnowledgeException extends KnowledgeException {
        public MalformedKnowledgeException(String message) {
            super(message);
        }

        public MalformedKnowledgeException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * An item of a patient's findings that the knowledge does not accept.
     * {@link #item()} names the offending input (for example {@code evidences[2]}).
     */
    public static final class InvalidFindingException extends KnowledgeException {
        private final String item;

        public InvalidFindingException(String item, String message) {
            super(item + ": " + message);
            this.item = item;
        }

        /** The offending input item, e.g. {@code evidences[2]} or {@code age}. */
        public String item() {
            return item;
        }

        /** What was wrong, without the item prefix. */
        public String reason() {
            return getMessage().substring(item.length() + 2);
        }
    }
}
