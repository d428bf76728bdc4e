package dev.triggerforge.server.delivery.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triggerforge.model.json.Json;
import dev.triggerforge.server.delivery.DeliveryConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Posts each email as JSON to a configured endpoint, the common shape of transactional email APIs and of in-house
 * relays: 2xx is sent, 408, 429 and 5xx are worth retrying, any other status refuses the email for good.
 */
@ApplicationScoped
public class HttpProvider implements EmailProvider {

    static final String URL_KEY = "triggerforge.delivery.http.url";
    private static final int MAX_BODY_IN_ERROR = 300;
    private static final List<String> ID_FIELDS = List.of("id", "messageId", "message_id");

    private final DeliveryConfig.Http config;
    private final HttpClient client;

    HttpProvider(DeliveryConfig config) {
        this.config = config.http();
        this.client = HttpClient.newBuilder().connectTimeout(this.config.timeout()).build();
    }

    @Override
    public String name() {
        return "http";
    }

    @Override
    public void checkConfiguration() {
        String url = config.url()
                .orElseThrow(() -> new IllegalStateException(URL_KEY + " is required with provider http"));
        URI uri = URI.create(url);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalStateException(URL_KEY + " must be an http or https URL, not '" + url + "'");
        }
    }

    @Override
    public DeliveryReceipt send(OutgoingEmail email) throws TransientDeliveryException, PermanentDeliveryException {
        checkConfiguration();
        HttpResponse<String> response;
        try {
            response = client.send(request(email), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TransientDeliveryException("HTTP provider unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientDeliveryException("interrupted while sending", e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new DeliveryReceipt(name(), messageId(response.body()));
        }
        String reason = "HTTP provider answered " + status + describe(response.body());
        if (status == 408 || status == 429 || status >= 500) {
            throw new TransientDeliveryException(reason, retryAfter(response), null);
        }
        throw new PermanentDeliveryException("HTTP provider refused the email: " + reason, null);
    }

    private HttpRequest request(OutgoingEmail email) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(config.url().orElseThrow()))
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", email.sendId())
                .POST(HttpRequest.BodyPublishers.ofString(body(email)));
        config.authHeader().ifPresent(value -> b.header("Authorization", value));
        return b.build();
    }

    private static String body(OutgoingEmail email) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sendId", email.sendId());
        m.put("from", email.from());
        m.put("to", email.to());
        m.put("subject", email.subject());
        m.put("html", email.html());
        m.put("text", email.text());
        m.put("customerId", email.customerId());
        m.put("ruleId", email.ruleId());
        m.put("templateId", email.templateId());
        m.put("variant", email.variant());
        if (email.unsubscribeUrl() != null) {
            m.put("unsubscribeUrl", email.unsubscribeUrl());
        }
        try {
            return Json.mapper().writeValueAsString(m);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode an email as JSON", e);
        }
    }

    private static String messageId(String body) {
        try {
            JsonNode node = Json.mapper().readTree(body);
            for (String field : ID_FIELDS) {
                if (node != null && node.hasNonNull(field)) {
                    return node.get(field).asText();
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After")
                .filter(v -> v.trim().matches("\\d{1,6}"))
                .map(v -> Duration.ofSeconds(Long.parseLong(v.trim())))
                .orElse(null);
    }

    private static String describe(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String flat = body.strip().replaceAll("\\s+", " ");
        return ": " + (flat.length() > MAX_BODY_IN_ERROR ? flat.substring(0, MAX_BODY_IN_ERROR) + "..." : flat);
    }
}
