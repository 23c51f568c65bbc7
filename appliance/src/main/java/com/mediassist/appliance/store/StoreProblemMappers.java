package com.mediassist.appliance.store;

import com.mediassist.appliance.problem.Problem;
import com.mediassist.store.DuplicateValueException;
import com.mediassist.store.InvalidValueException;
import com.mediassist.store.RecordNotFoundException;
import com.mediassist.store.StorageFailureException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The store's failures as problem details: 400 naming the field, 404, 409, 503. */
public class StoreProblemMappers {

    private static final Logger LOG = Logger.getLogger(StoreProblemMappers.class);

    @ServerExceptionMapper
    public Response invalid(InvalidValueException e, UriInfo uri) {
        return respond(400, "Invalid request", e.getMessage(), uri,
                List.of(new Problem.FieldError(e.field(), e.getMessage())));
    }

    @ServerExceptionMapper
    public Response deceased(com.mediassist.store.patients.PatientDeceasedException e, UriInfo uri) {
        return respond(409, "Patient deceased", e.getMessage(), uri,
                List.of(new Problem.FieldError("patientId", "the patient is deceased"
                        + (e.deceasedDate() == null ? "" : " since " + e.deceasedDate()) + "; the record is read-only")));
    }

    @ServerExceptionMapper
    public Response notFound(RecordNotFoundException e, UriInfo uri) {
        return respond(404, "Not found", "No " + e.what() + " with id " + e.id(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response duplicate(DuplicateValueException e, UriInfo uri) {
        return respond(409, "Conflict", e.getMessage(), uri,
                List.of(new Problem.FieldError(e.field(), "already exists: " + e.value())));
    }

    @ServerExceptionMapper
    public Response storageFailure(StorageFailureException e, UriInfo uri) {
        // Only SQLite's own message: the exception chain holds the statement and its bound values,
        // which can be patient data (a search's words, a name).
        LOG.errorf("Storage failure on %s: %s", uri == null ? "?" : uri.getPath(), rootMessage(e));
        return respond(503, "Storage unavailable", "The database could not complete the request; "
                + "nothing was written. Try again; if it persists, see the server log", uri, List.of());
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        // sqlite-jdbc appends nothing of the statement, but Jdbi's wrappers do: cut at their marker.
        int statement = message.indexOf(" [statement:");
        return statement > 0 ? message.substring(0, statement) : message;
    }

    private static Response respond(int status, String title, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        String instance = uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(com.mediassist.appliance.problem.ProblemTypes.forStatus(status), title, status, detail, instance, errors)).build();
    }
}
