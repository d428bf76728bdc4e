package dev.triggerforge.model.json;

import static dev.triggerforge.model.json.EventJson.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triggerforge.model.event.CartLine;
import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.event.EventType;
import dev.triggerforge.model.event.ProductView;
import dev.triggerforge.model.event.Purchase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

class EventCodecValidEventsTest {

    private static final Map<String, String> SAMPLE_PROPERTIES = samples();

    private static Map<String, String> samples() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("page_view", "{\"url\":\"https://shop.example/\",\"referrer\":null}");
        s.put("product_view", "{\"sku\":\"SKU-1\",\"name\":\"Trail shoe\",\"category\":\"shoes\",\"price\":89.90,"
                + "\"imageUrl\":\"https://img.example/1.jpg\",\"url\":\"https://shop.example/p/1\"}");
        s.put("category_view", "{\"category\":\"shoes\"}");
        s.put("search", "{\"query\":\"rain jacket\",\"results\":12}");
        s.put("cart_add", "{\"sku\":\"SKU-1\",\"quantity\":2,\"price\":19.90,\"name\":\"Socks\"}");
        s.put("cart_remove", "{\"sku\":\"SKU-1\",\"quantity\":1}");
        s.put("checkout_start", "{\"cartValue\":39.80,\"items\":2}");
        s.put("purchase", "{\"orderId\":\"O-7\",\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":2,\"price\":19.90},"
                + "{\"sku\":\"SKU-2\"}],\"total\":39.80,\"currency\":\"EUR\"}");
        s.put("signup", "{\"email\":\"ann@example.com\",\"firstName\":\"Ann\"}");
        s.put("form_submit", "{\"form\":\"newsletter\",\"fields\":{\"interest\":[\"running\",\"hiking\"]}}");
        s.put("profile_update", "{\"email\":\"ann@example.com\",\"timezone\":\"Europe/Berlin\",\"locale\":\"de-DE\","
                + "\"marketingConsent\":true,\"shoeSize\":42}");
        s.put("email_delivered", "{\"sendId\":\"s-1\",\"ruleId\":\"abandoned-cart\",\"templateId\":\"t-1\"}");
        s.put("email_open", "{\"sendId\":\"s-1\"}");
        s.put("email_click", "{\"sendId\":\"s-1\",\"url\":\"https://shop.example/cart\"}");
        s.put("email_bounce", "{\"sendId\":\"s-1\",\"bounceType\":\"hard\"}");
        s.put("email_unsubscribe", "{}");
        s.put("identify", "{\"anonymousId\":\"anon-7f3a\"}");
        return s;
    }

    static Stream<Arguments> builtInEvents() {
        return SAMPLE_PROPERTIES.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @Test
    void samplesCoverEveryBuiltInType() {
        assertThat(SAMPLE_PROPERTIES.keySet()).containsExactlyInAnyOrderElementsOf(EventType.BUILT_IN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builtInEvents")
    void everyBuiltInTypeDecodesAndRoundTrips(String type, String properties) {
        CustomerEvent event = EventCodec.decode(event(type, properties));

        assertThat(event.eventId()).isEqualTo("e-1");
        assertThat(event.customerId()).isEqualTo("c-42");
        assertThat(event.type()).isEqualTo(EventType.of(type));
        assertThat(event.occurredAt()).isEqualTo(Instant.parse(EventJson.OCCURRED_AT));
        String encoded = EventCodec.encode(event);
        assertThat(EventCodec.decode(encoded)).isEqualTo(event);
        assertThat(EventCodec.encode(EventCodec.decode(encoded))).isEqualTo(encoded);
    }

    @Test
    void encodesCompactJsonInFieldOrder() {
        CustomerEvent event = EventCodec.decode(event("cart_add", "{\"sku\":\"SKU-1\",\"price\":19.90}"));

        assertThat(EventCodec.encode(event)).isEqualTo("{\"eventId\":\"e-1\",\"customerId\":\"c-42\","
                + "\"type\":\"cart_add\",\"occurredAt\":\"2026-11-23T09:00:00Z\","
                + "\"properties\":{\"price\":19.90,\"sku\":\"SKU-1\"}}");
    }

    @Test
    void cartLineIsReadableWithExactPrices() {
        CartLine line = EventCodec.decode(event("cart_add",
                "{\"sku\":\"SKU-1\",\"quantity\":2,\"price\":19.90,\"name\":\"Socks\"}")).cartLine();

        assertThat(line.sku()).isEqualTo("SKU-1");
        assertThat(line.quantity()).isEqualTo(2);
        assertThat(line.price()).isEqualTo(new BigDecimal("19.90"));
        assertThat(line.lineTotal()).isEqualTo(new BigDecimal("39.80"));
        assertThat(line.name()).isEqualTo("Socks");
    }

    @Test
    void cartLineQuantityDefaultsToOne() {
        CartLine line = EventCodec.decode(event("cart_remove", "{\"sku\":\"SKU-1\"}")).cartLine();

        assertThat(line.quantity()).isEqualTo(1);
        assertThat(line.price()).isNull();
    }

    @Test
    void purchaseIsReadable() {
        Purchase purchase = EventCodec.decode(event("purchase", SAMPLE_PROPERTIES.get("purchase"))).purchase();

        assertThat(purchase.orderId()).isEqualTo("O-7");
        assertThat(purchase.total()).isEqualTo(new BigDecimal("39.80"));
        assertThat(purchase.currency()).isEqualTo("EUR");
        assertThat(purchase.lines()).extracting(CartLine::sku).containsExactly("SKU-1", "SKU-2");
        assertThat(purchase.lines().get(0).price()).isEqualTo(new BigDecimal("19.90"));
        assertThat(purchase.lines().get(1).quantity()).isEqualTo(1);
        assertThat(purchase.containsSku("SKU-2")).isTrue();
    }

    @Test
    void productViewIsReadable() {
        ProductView view = EventCodec.decode(event("product_view", SAMPLE_PROPERTIES.get("product_view")))
                .productView();

        assertThat(view.sku()).isEqualTo("SKU-1");
        assertThat(view.category()).isEqualTo("shoes");
        assertThat(view.price()).isEqualTo(new BigDecimal("89.90"));
    }

    @Test
    void wholeNumberPricesAreReadableAsDecimals() {
        CartLine line = EventCodec.decode(event("cart_add", "{\"sku\":\"SKU-1\",\"price\":20}")).cartLine();

        assertThat(line.price()).isEqualTo(new BigDecimal("20"));
    }

    @Test
    void propertiesBecomePlainJavaValues() {
        CustomerEvent event = EventCodec.decode(event("custom:test", "{\"text\":\"a\",\"flag\":true,\"count\":3,"
                + "\"ratio\":0.50,\"big\":123456789012345678901234,\"list\":[1,\"two\",null,2.5],"
                + "\"nested\":{\"z\":1,\"a\":{\"deep\":false},\"gone\":null},\"dropped\":null}"));

        Map<String, Object> p = event.properties();
        assertThat(p).containsOnlyKeys("text", "flag", "count", "ratio", "big", "list", "nested");
        assertThat(p.get("text")).isEqualTo("a");
        assertThat(p.get("flag")).isEqualTo(Boolean.TRUE);
        assertThat(p.get("count")).isEqualTo(3L);
        assertThat(p.get("ratio")).isEqualTo(new BigDecimal("0.50"));
        assertThat(p.get("big")).isEqualTo(new BigDecimal("123456789012345678901234"));
        assertThat(p.get("list")).isEqualTo(List.of(1L, "two", new BigDecimal("2.5")));
        assertThat(p.get("nested")).isEqualTo(Map.of("z", 1L, "a", Map.of("deep", false)));
        assertThat(List.copyOf(((Map<?, ?>) p.get("nested")).keySet())).isEqualTo(List.of("z", "a"));
        assertThat(EventCodec.decode(EventCodec.encode(event))).isEqualTo(event);
    }

    @Test
    @SuppressWarnings("unchecked")
    void propertiesCannotBeChanged() {
        Map<String, Object> p = EventCodec.decode(event("custom:test", "{\"b\":1,\"a\":[1],\"c\":{\"x\":1}}"))
                .properties();

        assertThat(p.keySet()).containsExactlyInAnyOrder("b", "a", "c");
        assertThatThrownBy(() -> p.put("d", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((List<Object>) p.get("a")).add(2)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((Map<String, Object>) p.get("c")).clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"5e0", "1.0e1", "1E+3", "2.000", "-0.0", "9223372036854775808"})
    void unusualNumbersRoundTripExactly(String number) {
        CustomerEvent event = EventCodec.decode(event("custom:test", "{\"n\":" + number + "}"));

        assertThat(EventCodec.decode(EventCodec.encode(event))).isEqualTo(event);
    }

    @Test
    void numbersWithAnExponentStayDecimalEvenWhenWhole() {
        Object n = EventCodec.decode(event("custom:test", "{\"n\":5e0}")).properties().get("n");

        assertThat(n).isInstanceOf(BigDecimal.class);
        assertThat((BigDecimal) n).isEqualByComparingTo("5");
    }

    @Test
    void absentOrNullPropertiesAreEmpty() {
        String absent = "{\"eventId\":\"e-1\",\"customerId\":\"c-1\",\"type\":\"page_view\","
                + "\"occurredAt\":\"2026-11-23T09:00:00Z\"}";
        String nullValued = absent.replace("}", ",\"properties\":null}");

        assertThat(EventCodec.decode(absent).properties()).isEmpty();
        assertThat(EventCodec.decode(nullValued).properties()).isEmpty();
        assertThat(EventCodec.decode(EventCodec.encode(EventCodec.decode(absent)))).isEqualTo(EventCodec.decode(absent));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23T10:00:00+01:00", "2026-11-23T04:00:00-05:00", "2026-11-23T09:00:00Z",
            "2026-11-23T09:00Z", "2026-11-23T10:00+01:00", "2026-11-23t09:00:00z"})
    void timestampsWithAnOffsetAreConvertedToInstants(String timestamp) {
        String json = event("page_view", "{}").replace(EventJson.OCCURRED_AT, timestamp);

        assertThat(EventCodec.decode(json).occurredAt()).isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
    }

    @Test
    void fractionalSecondsSurviveTheRoundTrip() {
        CustomerEvent event = EventCodec.decode(
                event("page_view", "{}").replace(EventJson.OCCURRED_AT, "2026-11-23T09:00:00.123456789Z"));

        assertThat(event.occurredAt().getNano()).isEqualTo(123_456_789);
        assertThat(EventCodec.decode(EventCodec.encode(event))).isEqualTo(event);
    }

    @Test
    void customTypesAreFreeForm() {
        CustomerEvent event = EventCodec.decode(event("custom:loyalty_points",
                "{\"points\":250,\"reason\":\"review\",\"price\":\"not checked\"}"));

        assertThat(event.type().isCustom()).isTrue();
        assertThat(event.type().name()).isEqualTo("custom:loyalty_points");
        assertThat(event.properties()).containsEntry("points", 250L).containsEntry("price", "not checked");
        assertThat(EventCodec.decode(EventCodec.encode(event))).isEqualTo(event);
    }

    @Test
    void extraPropertiesOfBuiltInTypesAreKept() {
        CustomerEvent event = EventCodec.decode(event("cart_add", "{\"sku\":\"SKU-1\",\"color\":\"red\"}"));

        assertThat(event.properties()).containsEntry("color", "red");
    }

    @Test
    void decodesATreeWithAPathPrefix() throws Exception {
        JsonNode tree = Json.mapper().readTree(event("search", "{\"query\":\"boots\"}"));

        CustomerEvent event = EventCodec.decode(tree, "$[3]");

        assertThat(event.text("query")).isEqualTo("boots");
    }

    @Test
    void encodedEventsFromCodeRoundTripWhenTheirValuesAreCanonical() {
        CustomerEvent event = CustomerEvent.of("e-9", "c-9", EventType.PURCHASE, Instant.parse("2026-01-01T00:00:00Z"),
                Map.of("orderId", "O-1", "total", new BigDecimal("10.00"), "currency", "EUR",
                        "lines", List.of(Map.of("sku", "A", "quantity", 2L, "price", new BigDecimal("5.00")))));

        assertThat(EventCodec.decode(EventCodec.encode(event))).isEqualTo(event);
    }
}
