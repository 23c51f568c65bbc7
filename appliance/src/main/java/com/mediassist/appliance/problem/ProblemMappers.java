package com.mediassist.appliance.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.mediassist.appliance.failure.InvalidFieldException;
import com.mediassist.core.knowledge.InvalidClinicalInputException;
import com.mediassist.store.InvalidValueException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every exception that reaches the REST edge into RFC 9457 problem details. Unexpected
 * exceptions become a 500 whose body names no internals; the cause is logged.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response apiProblem(ApiProblemException e, UriInfo uri) {
        return respond(new Problem(ProblemTypes.forStatus(e.status()), e.title(), e.status(), e.getMessage(), path(uri), e.errors()));
    }

    /** A service refused one field's value: 400 naming it. */
    @ServerExceptionMapper
    public Response invalidField(InvalidFieldException e, UriInfo uri) {
        return respond(ProblemTypes.INVALID_REQUEST, "Invalid request", 400, e.getMessage(), uri,
                List.of(new Problem.FieldError(e.field(), e.reason())));
    }

    @ServerExceptionMapper
    public Response badJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException jme ? pathOf(jme) : duplicateField(e);
        String what = JsonProblemText.describe(e);
        String detail = e instanceof UnrecognizedPropertyException ? "Unknown field " + what
                : e instanceof JsonMappingException && !field.isEmpty()
                        ? "Field '" + field + "' has the wrong type or format: " + what
                        : "Malformed JSON: " + what;
        List<Problem.FieldError> errors = field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, what));
        return respond(new Problem(ProblemTypes.INVALID_REQUEST, "Malformed request body", 400, detail, path(uri), errors));
    }

    /** The key of a "Duplicate field 'x'" parse error, else empty. */
    private static String duplicateField(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^Duplicate field '([^']*)'").matcher(message);
        return m.find() ? m.group(1) : "";
    }

    /**
     * A record's constructor refused a value while the body was bound (the store's records check
     * their fields): a 400 naming that field.
     */
    @ServerExceptionMapper
    public Response invalidWhileBinding(ValueInstantiationException e, UriInfo uri) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof InvalidValueException invalid) {
                return respond(new Problem(ProblemTypes.INVALID_REQUEST, "Invalid request", 400, invalid.getMessage(), path(uri),
                        List.of(new Problem.FieldError(invalid.field(), invalid.getMessage()))));
            }
            if (t instanceof InvalidClinicalInputException invalid) { // a sex code, parsed by the shared type
                return respond(new Problem(ProblemTypes.INVALID_REQUEST, "Invalid request", 400, invalid.getMessage(), path(uri),
                        List.of(new Problem.FieldError(invalid.field(), invalid.getMessage()))));
            }
            if (t instanceof NullPointerException npe && npe.getMessage() != null && npe.getMessage().matches("\\w+")) {
                return respond(new Problem(ProblemTypes.INVALID_REQUEST, "Invalid request", 400, npe.getMessage() + ": is required",
                        path(uri), List.of(new Problem.FieldError(npe.getMessage(), "is required"))));
            }
        }
        return badJson(e, uri);
    }

    /** Takes precedence over Quarkus's own mapper, whose body is not a problem document. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return badJson(e, uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        // Quarkus REST wraps body-binding failures; report them like any malformed JSON.
        if (e.getCause() instanceof ValueInstantiationException binding) {
            return invalidWhileBinding(binding, uri);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return badJson(json, uri);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        String title = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        return respond(new Problem(ProblemTypes.forStatus(status), title, status, e.getMessage(), path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        LOG.error("Unexpected error", e);
        return respond(new Problem("about:blank", "Internal error", 500,
                "The request could not be completed; the error was logged", path(uri), List.of()));
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    /**
     * A problem details response, for the feature packages' own mappers of their domain exceptions.
     *
     * @param uri the request, whose path becomes the problem's {@code instance}; may be {@code null}
     */
    public static Response respond(String type, String title, int status, String detail, UriInfo uri,
                                   List<Problem.FieldError> errors) {
        return respond(new Problem(type, title, status, detail, path(uri), errors));
    }

    static Response respond(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }
}
