package dev.triggerforge.server.security;

import dev.triggerforge.server.api.ErrorBody;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Set;

/** Who am I, and for admins: new users and new bearer tokens (a token is shown once, when it is issued). */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Access")
public class AccessResource {

    private final Credentials credentials;
    private final SecurityIdentity identity;

    AccessResource(Credentials credentials, SecurityIdentity identity) {
        this.credentials = credentials;
        this.identity = identity;
    }

    public record Me(String name, Set<String> roles) {
    }

    public record NewUser(String username, String password, String role) {
    }

    public record NewToken(String username, String role, String description) {
    }

    public record IssuedToken(String username, String role, String token) {
    }

    @GET
    @Path("/me")
    @RolesAllowed(Role.VIEWER_NAME)
    @Operation(summary = "The caller's name and roles")
    public Me me() {
        return new Me(identity.getPrincipal().getName(), identity.getRoles());
    }

    @POST
    @Path("/users")
    @RolesAllowed(Role.ADMIN_NAME)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a user with a password (stored as a BCrypt hash) and a role")
    public Response createUser(NewUser body) {
        if (body == null || blank(body.username()) || body.password() == null || body.password().length() < 12) {
            return Response.status(400).entity(ErrorBody.of("username and a password of at least 12 characters "
                    + "are required")).build();
        }
        Role role = Role.of(body.role());
        credentials.createUser(body.username(), body.password(), role);
        return Response.status(201).entity(new Me(body.username(), role.granted())).build();
    }

    @POST
    @Path("/tokens")
    @RolesAllowed(Role.ADMIN_NAME)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue a bearer token; it is shown only in this answer")
    public Response issueToken(NewToken body) {
        if (body == null || blank(body.username())) {
            return Response.status(400).entity(ErrorBody.of("username and role are required")).build();
        }
        Role role = Role.of(body.role());
        String token = credentials.issueToken(body.username(), role, body.description());
        return Response.status(201).entity(new IssuedToken(body.username(), role.code(), token)).build();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
