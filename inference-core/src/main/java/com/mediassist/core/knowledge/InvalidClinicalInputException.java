package com.mediassist.core.knowledge;

/**
 * Input given to a knowledge engine is unusable (for example a negative eGFR or a birth date after
 * "today"). Names the offending field so the REST edge can report it as a 400 problem.
 */
public final class InvalidClinicalInputException extends KnowledgeException {

    private static final long serialVersionUID = 1L;
    private final String field;
    private final String problem;

    public InvalidClinicalInputException(String field, String problem) {
        super(field + ": " + problem, null);
        this.field = field;
        this.problem = problem;
    }

    /** @return what was wrong with the field, without the field name */
    public String problem() {
        return problem;
    }

    /** @return the name of the input field that was wrong */
    public String field() {
        return field;
    }
}
