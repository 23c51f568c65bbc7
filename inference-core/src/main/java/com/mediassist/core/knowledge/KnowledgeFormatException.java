package com.mediassist.core.knowledge;

/**
 * A shipped or supplied knowledge file could not be read: it is missing, or a row does not have the
 * expected shape. Carries the resource and the line so the author can fix it.
 */
public final class KnowledgeFormatException extends KnowledgeException {

    private static final long serialVersionUID = 1L;
    private final String resource;
    private final int line;

    public KnowledgeFormatException(String resource, int line, String problem, Throwable cause) {
        super(resource + (line > 0 ? " line " + line : "") + ": " + problem, cause);
        this.resource = resource;
        this.line = line;
    }

    public KnowledgeFormatException(String resource, int line, String problem) {
        this(resource, line, problem, null);
    }

    /** @return the knowledge resource that failed */
    public String resource() {
        return resource;
    }

    /** @return the 1-based line, or 0 when the failure is not tied to a line */
    public int line() {
        return line;
    }
}
