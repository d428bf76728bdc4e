package dev.triggerforge.server.delivery.enrichment;

import dev.triggerforge.server.delivery.Variables;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dropping out-of-stock items, current prices, and a cart's totals summed again, without any I/O. */
class LineFilterTest {

    private static final Map<String, Object> CART = Variables.cart(Variables.customer("c-1", "a@example.com", "Ann"));

    @Test
    void skusAreTheCartLinesThenTheProductEachOnce() {
        assertEquals(List.of("SHOE-1", "SOCK-7"), List.copyOf(LineFilter.skus(CART)));
        assertEquals(Set.of("JKT-3"), LineFilter.skus(Variables.product(Variables.customer("c-1", null, null))));
        assertEquals(Set.of(), LineFilter.skus(Variables.welcome(Variables.customer("c-1", null, null))));
    }

    @Test
    void outOfStockLineIsDroppedAndTheCartRecomputed() {
        LineFilter.Outcome outcome = LineFilter.apply(CART, Map.of(
                "SHOE-1", new SkuState("SHOE-1", false, null),
                "SOCK-7", new SkuState("SOCK-7", true, null)));

        Map<?, ?> cart = (Map<?, ?>) outcome.variables().get("cart");
        List<?> lines = (List<?>) cart.get("lines");
        assertEquals(1, lines.size());
        assertEquals("SOCK-7", ((Map<?, ?>) lines.get(0)).get("sku"));
        assertEquals(2, cart.get("itemCount"));
        assertEquals(new BigDecimal("29.00"), cart.get("total"));
        assertEquals(1, outcome.dropped());
        assertFalse(outcome.nothingLeft());
        assertEquals(2, ((List<?>) ((Map<?, ?>) CART.get("cart")).get("lines")).size(), "input left as it was");
    }

    @Test
    void currentPriceReplacesTheStoredOneInLineTotalAndTotal() {
        LineFilter.Outcome outcome = LineFilter.apply(CART, Map.of("SOCK-7", new SkuState("SOCK-7", true,
                new BigDecimal("9.99"))));

        Map<?, ?> cart = (Map<?, ?>) outcome.variables().get("cart");
        Map<?, ?> sock = (Map<?, ?>) ((List<?>) cart.get("lines")).get(1);
        assertEquals(new BigDecimal("9.99"), sock.get("price"));
        assertEquals(new BigDecimal("19.98"), sock.get("lineTotal"));
        assertEquals(new BigDecimal("149.93"), cart.get("total"));
        assertEquals(3, cart.get("itemCount"));
        assertEquals(0, outcome.dropped());
    }

    @Test
    void everyLineOutOfStockLeavesNothing() {
        LineFilter.Outcome outcome = LineFilter.apply(CART, Map.of(
                "SHOE-1", new SkuState("SHOE-1", false, null),
                "SOCK-7", new SkuState("SOCK-7", false, null)));

        assertTrue(outcome.nothingLeft());
        assertEquals(2, outcome.dropped());
    }

    @Test
    void skusWithoutAStateAreLeftAlone() {
        LineFilter.Outcome outcome = LineFilter.apply(CART, Map.of("SHOE-1", new SkuState("SHOE-1", false, null)));

        Map<?, ?> cart = (Map<?, ?>) outcome.variables().get("cart");
        assertEquals(1, ((List<?>) cart.get("lines")).size());
        assertFalse(outcome.nothingLeft());
        assertSame(CART.get("cart"), LineFilter.apply(CART, Map.of()).variables().get("cart"),
                "nothing known, nothing changed");
    }

    @Test
    void totalIsLeftOutWhenALineHasNoPrice() {
        Map<String, Object> line = new LinkedHashMap<>(Variables.line("X", "No price", "1.00", 1, null));
        line.remove("price");
        line.remove("lineTotal");
        Map<String, Object> vars = Map.of("cart", Map.of("lines", List.of(line,
                Variables.line("Y", "Sold out", "5.00", 1, null)), "total", new BigDecimal("5.00"), "itemCount", 2));

        Map<?, ?> cart = (Map<?, ?>) LineFilter.apply(vars, Map.of("Y", new SkuState("Y", false, null)))
                .variables().get("cart");

        assertNull(cart.get("total"));
        assertEquals(1, cart.get("itemCount"));
    }

    @Test
    void productOutOfStockLeavesNothingAndAPriceChangeIsShown() {
        Map<String, Object> vars = Variables.product(Variables.customer("c-1", null, null));

        assertTrue(LineFilter.apply(vars, Map.of("JKT-3", new SkuState("JKT-3", false, null))).nothingLeft());
        LineFilter.Outcome repriced = LineFilter.apply(vars, Map.of("JKT-3", new SkuState("JKT-3", true,
                new BigDecimal("199.00"))));
        assertFalse(repriced.nothingLeft());
        assertEquals(new BigDecimal("199.00"), ((Map<?, ?>) repriced.variables().get("product")).get("price"));
    }
}
