package dev.triggerforge.server.rulesets;

import dev.triggerforge.rules.compile.CompileError;
import dev.triggerforge.rules.compile.RuleSetRejectedException;
import dev.triggerforge.server.api.ErrorBody;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/** Answers a rejected rule set with 400 and every error located in its source, and an unknown version with 404. */
public class RuleSetErrors {

    /** The body of a rejected rule set: a sentence and each error with its place. */
    public record Rejected(String error, List<CompileError> errors) {
    }

    @ServerExceptionMapper
    public Response rejected(RuleSetRejectedException e) {
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(new Rejected("the rule set does not compile; the running version is unchanged", e.errors()))
                .build();
    }

    @ServerExceptionMapper
    public Response unknown(UnknownVersionException e) {
        return Response.status(Response.Status.NOT_FOUND).entity(ErrorBody.of(e.getMessage()))
                .build();
    }
}
