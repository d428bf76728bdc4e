package dev.triggerforge.server.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers a request body that is not the JSON an endpoint expects with 400 and what was wrong, not an empty body. */
public class JsonErrors {

    @ServerExceptionMapper({JsonParseException.class, MismatchedInputException.class, JsonProcessingException.class})
    public Response unreadable(JsonProcessingException e) {
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(ErrorBody.of("request body is not valid JSON for this endpoint: " + e.getOriginalMessage()))
                .build();
    }
}
