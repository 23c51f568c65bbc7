package com.mediassist.appliance.problem;

import java.util.List;

/**
 * Thrown at the REST edge to answer with a problem details response. Resources throw it (or one
 * of the module exceptions mapped to it) instead of building error responses themselves.
 */
public class ApiProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ApiProblemException(int status, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public ApiProblemException(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    /** A 400 naming one bad field. */
    public static ApiProblemException badField(String field, String message) {
        return new ApiProblemException(400, "Invalid request", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /** A 404 for an unknown resource, e.g. {@code notFound("patient", 12)}. */
    public static ApiProblemException notFound(String what, Object id) {
        return new ApiProblemException(404, "Not found", "No " + what + " with id " + id);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
