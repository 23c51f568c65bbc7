package com.mediassist.appliance.medication.rest;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.mediassist.appliance.problem.ApiProblemException;
import com.mediassist.appliance.problem.ProblemMappers;
import com.mediassist.core.knowledge.InvalidClinicalInputException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps the knowledge engines' input errors, and JSON bodies that do not fit the request records
 * (unknown field, wrong type), to 400 problems naming the field. The second mapper is needed because
 * the REST layer's built-in mapper for {@link MismatchedInputException} is more specific than the
 * generic JSON problem mapper and would answer with a plain JSON body.
 */
public class KnowledgeProblemMappers {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response invalidInput(InvalidClinicalInputException e, UriInfo uri) {
        return problems.apiProblem(ApiProblemException.badField(e.field(), e.problem()), uri);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return problems.badJson(e, uri);
    }
}
