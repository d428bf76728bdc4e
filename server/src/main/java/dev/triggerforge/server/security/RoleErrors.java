package dev.triggerforge.server.security;

import dev.triggerforge.server.api.ErrorBody;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A role name that is not viewer, marketer or admin is a client mistake: 400 with the allowed names. */
public class RoleErrors {

    @ServerExceptionMapper
    public Response badRole(Role.UnknownRole e) {
        return Response.status(400).entity(ErrorBody.of(e.getMessage())).build();
    }
}
