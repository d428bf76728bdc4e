package dev.triggerforge.console.connection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triggerforge.model.json.Json;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The console's only way to the server's REST API: authenticated calls that answer JSON or throw a
 * {@link ServerException} carrying the server's own error sentence. Calls block, so views make them off the UI
 * thread (see {@code BackgroundWork}).
 */
public final class ServerClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final ObjectMapper json = Json.mapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final ServerProfile profile;
    private final String authorization;

    public ServerClient(ServerProfile profile, String secret) {
        this.profile = profile;
        this.authorization = switch (profile.kind()) {
            case TOKEN -> "Bearer " + secret;
            case PASSWORD -> "Basic " + Base64.getEncoder().encodeToString(
                    (profile.username() + ":" + secret).getBytes(StandardCharsets.UTF_8));
        };
    }

    public ServerProfile profile() {
        return profile;
    }

    public JsonNode get(String path) {
        return send("GET", path, null, "application/json");
    }

    /** POSTs a JSON body ({@code null} for none). */
    public JsonNode post(String path, Object body) {
        return send("POST", path, body, "application/json");
    }

    public JsonNode put(String path, Object body) {
        return send("PUT", path, body, "application/json");
    }

    /** POSTs text as it is (a DRL file, JSON Lines), with its content type. */
    public JsonNode postText(String path, String text, String contentType) {
        return send("POST", path, text, contentType);
    }

    /** Reads an answer as the given type. */
    public <T> T read(JsonNode node, Class<T> type) {
        try {
            return json.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new ServerException(200, "the server's answer is not what this console expects: "
                    + e.getOriginalMessage(), List.of());
        }
    }

    /** A query-string value, encoded. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private JsonNode send(String method, String path, Object body, String contentType) {
        URI uri = URI.create(profile.url() + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Authorization", authorization).header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(text(body)));
        }
        return answer(method, path, exchange(request.build()));
    }

    /** GETs a text answer as it is, such as the Prometheus metrics under {@code /q/metrics}. */
    public String getText(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(profile.url() + path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", authorization).header("Accept", "text/plain").GET().build();
        HttpResponse<String> response = exchange(request);
        if (response.statusCode() >= 200 && response.statusCode() < 300) {
            return response.body();
        }
        answer("GET", path, response);
        return "";
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new ServerException(0, "cannot reach " + profile.url() + ": is the server running?", List.of());
        } catch (IOException e) {
            throw new ServerException(0, "the connection to " + profile.url() + " failed: " + e.getMessage(),
                    List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerException(0, "interrupted while waiting for " + profile.url(), List.of());
        }
    }

    private String text(Object body) {
        if (body instanceof String s) {
            return s;
        }
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the request as JSON", e);
        }
    }

    private JsonNode answer(String method, String path, HttpResponse<String> response) {
        int status = response.statusCode();
        JsonNode body = parse(response.body());
        if (status >= 200 && status < 300) {
            return body;
        }
        String message = switch (status) {
            case 401 -> "the server did not accept the credentials of '" + profile.name() + "'";
            case 403 -> body.hasNonNull("error") ? body.get("error").asText()
                    : "your role on this server may not do this (" + method + " " + path + ")";
            default -> body.hasNonNull("error") ? body.get("error").asText()
                    : method + " " + path + " answered " + status;
        };
        List<String> details = new ArrayList<>();
        body.path("fields").forEach(f -> details.add(f.path("path").asText() + ": " + f.path("message").asText()));
        body.path("errors").forEach(e -> details.add(e.has("line")
                ? e.path("source").asText() + ":" + e.path("line").asInt() + ":" + e.path("column").asInt() + "  "
                + e.path("message").asText()
                : e.isTextual() ? e.asText() : e.toString()));
        throw new ServerException(status, message, details);
    }

    private JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return json.createObjectNode().put("error", text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }
}
