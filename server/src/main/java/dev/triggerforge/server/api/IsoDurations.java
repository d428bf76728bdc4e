package dev.triggerforge.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Writes durations in the API as ISO-8601 text ({@code PT30M}), the form clients upload and the shared model's JSON
 * uses, instead of Jackson's default of seconds as a number.
 */
@Singleton
public class IsoDurations implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
    }
}
