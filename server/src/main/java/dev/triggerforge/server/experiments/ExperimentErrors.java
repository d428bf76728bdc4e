package dev.triggerforge.server.experiments;

import dev.triggerforge.server.api.ErrorBody;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Answers an unknown experiment with 404, a request missing what it needs with 400 and a step the experiment's state
 * does not allow with 409, each with the reason.
 */
public class ExperimentErrors {

    @ServerExceptionMapper
    public Response unknown(UnknownExperimentException e) {
        return Response.status(Response.Status.NOT_FOUND).entity(ErrorBody.of(e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response invalid(InvalidExperimentRequest e) {
        return Response.status(Response.Status.BAD_REQUEST).entity(ErrorBody.of(e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response conflict(ExperimentConflictException e) {
        return Response.status(Response.Status.CONFLICT).entity(ErrorBody.of(e.getMessage())).build();
    }
}
