package dev.triggerforge.server.security;

import dev.triggerforge.server.api.ErrorBody;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers missing or wrong credentials with 401 and a missing role with 403, each with a body that says why. */
public class AccessErrors {

    private static final String CHALLENGE = "Basic realm=\"triggerforge\", Bearer realm=\"triggerforge\"";

    private final SecurityIdentity identity;

    AccessErrors(SecurityIdentity identity) {
        this.identity = identity;
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return Response.status(401).header("WWW-Authenticate", CHALLENGE)
                .entity(ErrorBody.of("authentication required: HTTP basic or Authorization: Bearer <token>")).build();
    }

    @ServerExceptionMapper
    public Response wrongCredentials(AuthenticationFailedException e) {
        return Response.status(401).header("WWW-Authenticate", CHALLENGE)
                .entity(ErrorBody.of("unknown user, wrong password or unknown token")).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Response.status(403).entity(ErrorBody.of("'" + identity.getPrincipal().getName() + "' (roles "
                + identity.getRoles() + ") may not do this" + (e.getMessage() == null ? "" : ": " + e.getMessage())))
                .build();
    }
}
