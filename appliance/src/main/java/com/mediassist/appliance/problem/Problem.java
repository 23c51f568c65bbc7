package com.mediassist.appliance.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem details body, sent as {@code application/problem+json}.
 *
 * @param type     a URI naming the kind of problem; {@code about:blank} when the status says it all
 * @param title    a short, stable summary of the kind of problem
 * @param status   the HTTP status code
 * @param detail   what went wrong with this request, in words a clinic's IT or a developer can act on
 * @param instance the request path
 * @param errors   the offending fields or items, each with what was wrong; empty when not about input
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors) {

    /** The media type of problem details. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * One offending field or item.
     *
     * @param field   a JSON pointer-like path to the field ({@code medications[1]}, {@code age})
     * @param message what was wrong with it
     */
    public record FieldError(String field, String message) {
    }

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
