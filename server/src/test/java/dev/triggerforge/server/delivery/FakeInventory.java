package dev.triggerforge.server.delivery;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real stock endpoint on a free local port, answering {@code GET /api/stock?sku=...} with the stock and prices a
 * test set, optionally after a delay, and counting how often each sku was asked about.
 */
public class FakeInventory implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();
    private final Map<String, Long> delays = new ConcurrentHashMap<>();

    public FakeInventory() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/api/stock", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/stock";
    }

    /** From now on {@code sku} is answered as in stock or not, at {@code price} (null: no price in the answer). */
    public void stock(String sku, boolean inStock, String price) {
        answers.put(sku, "{\"sku\":\"" + sku + "\",\"inStock\":" + inStock
                + (price == null ? "" : ",\"price\":" + price) + "}");
    }

    /** Requests asking about {@code sku} are answered only after {@code millis}. */
    public void delay(String sku, long millis) {
        delays.put(sku, millis);
    }

    /** How many requests asked about {@code sku}. */
    public int askedAbout(String sku) {
        AtomicInteger count = asked.get(sku);
        return count == null ? 0 : count.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        List<String> skus = skus(exchange.getRequestURI().getRawQuery());
        long delay = 0;
        List<String> found = new ArrayList<>();
        for (String sku : skus) {
            asked.computeIfAbsent(sku, s -> new AtomicInteger()).incrementAndGet();
            delay = Math.max(delay, delays.getOrDefault(sku, 0L));
            if (answers.containsKey(sku)) {
                found.add(answers.get(sku));
            }
        }
        try {
            Thread.sleep(delay);
            byte[] body = ("[" + String.join(",", found) + "]").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            exchange.close();
        }
    }

    private static List<String> skus(String query) {
        List<String> skus = new ArrayList<>();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            if (pair.startsWith("sku=")) {
                skus.add(URLDecoder.decode(pair.substring(4), StandardCharsets.UTF_8));
            }
        }
        return skus;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    /** Starts the endpoint before the application and hands it to test fields of type {@link FakeInventory}. */
    public static class Resource implements QuarkusTestResourceLifecycleManager {

        private FakeInventory inventory;

        @Override
        public Map<String, String> start() {
            try {
                inventory = new FakeInventory();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the fake inventory", e);
            }
            return Map.of("triggerforge.enrichment.stock.url", inventory.url());
        }

        @Override
        public void inject(TestInjector injector) {
            injector.injectIntoFields(inventory, new TestInjector.MatchesType(FakeInventory.class));
        }

        @Override
        public void stop() {
            if (inventory != null) {
                inventory.close();
            }
        }
    }
}
