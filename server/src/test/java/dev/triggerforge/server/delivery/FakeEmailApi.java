package dev.triggerforge.server.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP email API on a free local port: records every request and answers each recipient with the statuses a
 * test scripted for it (200 once the script runs out, or a fixed status).
 */
public class FakeEmailApi implements AutoCloseable {

    /** One POST as the API received it. */
    public record Received(String to, String idempotencyKey, String authorization, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Integer> always = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    public FakeEmailApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/emails", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/emails";
    }

    /** The next requests for {@code to} get these statuses in order. */
    public void script(String to, Integer... statuses) {
        scripts.put(to, new ArrayDeque<>(List.of(statuses)));
    }

    /** Every request for {@code to} gets this status until told otherwise. */
    public void always(String to, int status) {
        always.put(to, status);
    }

    public void recover(String to) {
        always.remove(to);
    }

    public List<Received> receivedFor(String to) {
        return received.stream().filter(r -> to.equals(r.to())).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        String to = body.path("to").asText();
        received.add(new Received(to, exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                exchange.getRequestHeaders().getFirst("Authorization"), body));
        int status = statusFor(to);
        String answer = switch (status) {
            case 200 -> "{\"id\":\"msg-" + ids.incrementAndGet() + "\"}";
            case 400 -> "{\"error\":\"recipient address rejected\"}";
            default -> "{\"error\":\"try again later\"}";
        };
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private int statusFor(String to) {
        Integer fixed = always.get(to);
        if (fixed != null) {
            return fixed;
        }
        Deque<Integer> script = scripts.get(to);
        Integer next = script == null ? null : script.poll();
        return next == null ? 200 : next;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Starts the API before the application and hands it to test fields of type {@link FakeEmailApi}. */
    public static class Resource implements QuarkusTestResourceLifecycleManager {

        private FakeEmailApi api;

        @Override
        public Map<String, String> start() {
            try {
                api = new FakeEmailApi();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the fake email API", e);
            }
            return Map.of("triggerforge.delivery.http.url", api.url());
        }

        @Override
        public void inject(TestInjector injector) {
            injector.injectIntoFields(api, new TestInjector.MatchesType(FakeEmailApi.class));
        }

        @Override
        public void stop() {
            if (api != null) {
                api.close();
            }
        }
    }
}
