package com.mediassist.appliance.fhir;

import com.mediassist.appliance.problem.Problem;
import com.mediassist.appliance.problem.ProblemMappers;
import com.mediassist.appliance.problem.ProblemTypes;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A rejected FHIR bundle as a 400 problem listing every problem found. */
public class FhirProblemMapper {

    @ServerExceptionMapper
    public Response rejected(FhirBundleRejectedException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.problems().stream()
                .map(v -> new Problem.FieldError(v.field(), v.message())).toList();
        return ProblemMappers.respond(ProblemTypes.INVALID_REQUEST, "FHIR bundle rejected", 400, e.getMessage(), uri, errors);
    }
}
