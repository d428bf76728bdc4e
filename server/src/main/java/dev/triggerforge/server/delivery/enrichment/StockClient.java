package dev.triggerforge.server.delivery.enrichment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triggerforge.model.json.Json;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Asks the configured stock endpoint about a set of skus with one {@code GET {url}?sku=A&sku=B}, giving up after
 * {@code triggerforge.enrichment.timeout} so a slow inventory never holds an email back for long.
 */
@ApplicationScoped
public class StockClient {

    private final EnrichmentConfig config;
    private final HttpClient http;

    StockClient(EnrichmentConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    /** Whether a stock endpoint is configured at all. */
    public boolean configured() {
        return config.stock().url().isPresent();
    }

    /**
     * The states the endpoint gives for {@code skus}; skus it leaves out are missing from the map, entries for skus
     * not asked about are ignored.
     */
    public Map<String, SkuState> fetch(Collection<String> skus) throws StockUnavailableException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(skus)).timeout(config.timeout())
                .header("Accept", "application/json").GET();
        config.stock().authHeader().ifPresent(auth -> request.header("Authorization", auth));
        CompletableFuture<HttpResponse<byte[]>> call = http.sendAsync(request.build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> response;
        try {
            response = call.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new StockUnavailableException("timeout", "no answer within " + config.timeout().toMillis()
                    + " ms", e);
        } catch (ExecutionException e) {
            String reason = e.getCause() instanceof HttpTimeoutException ? "timeout" : "error";
            throw new StockUnavailableException(reason, "request failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StockUnavailableException("error", "interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new StockUnavailableException("error", "answered " + response.statusCode(), null);
        }
        return parse(response.body(), Set.copyOf(skus));
    }

    private URI uri(Collection<String> skus) {
        String url = config.stock().url().orElseThrow();
        String query = skus.stream().map(s -> "sku=" + URLEncoder.encode(s, StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return URI.create(url + (url.contains("?") ? "&" : "?") + query);
    }

    private static Map<String, SkuState> parse(byte[] body, Set<String> asked) throws StockUnavailableException {
        JsonNode root;
        try {
            root = Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new StockUnavailableException("error", "answer is not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new StockUnavailableException("error", "answer is not a JSON array", null);
        }
        Map<String, SkuState> states = new HashMap<>();
        for (JsonNode item : root) {
            JsonNode sku = item.path("sku");
            JsonNode inStock = item.path("inStock");
            if (!sku.isTextual() || !inStock.isBoolean()) {
                throw new StockUnavailableException("error", "every entry needs a text sku and a boolean inStock: "
                        + item, null);
            }
            JsonNode price = item.path("price");
            if (asked.contains(sku.asText())) {
                BigDecimal current = price.isNumber() ? price.decimalValue() : null;
                states.put(sku.asText(), new SkuState(sku.asText(), inStock.asBoolean(), current));
            }
        }
        return states;
    }
}
