package dev.triggerforge.server.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers a request body that is not the JSON an endpoint expects with 400 and what was wrong, not an empty body. */
public class JsonErrors {

    @ServerExceptionMapper({JsonParseException.class, MismatchedInputException.class, JsonProcessingException.class})
    public Response unreadable(JsonProcessingException e) {
        return badJson(e);
    }

    /** Quarkus REST wraps a body that is not JSON at all in a bare 400; give it the same explaining body. */
    @ServerExceptionMapper
    public Response wrapped(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return badJson(json);
        }
        return e.getResponse();
    }

    private static Response badJson(JsonProcessingException e) {
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(ErrorBody.of("request body is not valid JSON for this endpoint: " + e.getOriginalMessage()))
                .build();
    }
}
