package com.mediassist.appliance.medication.rest;

import com.mediassist.appliance.problem.ApiProblemException;
import com.mediassist.appliance.problem.ProblemMappers;
import com.mediassist.core.knowledge.InvalidClinicalInputException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps the knowledge engines' input errors to 400 problems naming the field. */
public class KnowledgeProblemMappers {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response invalidInput(InvalidClinicalInputException e, UriInfo uri) {
        return problems.apiProblem(ApiProblemException.badField(e.field(), e.problem()), uri);
    }
}
