package dev.triggerforge.server.delivery;

import dev.triggerforge.server.delivery.render.EmailRenderer;
import dev.triggerforge.server.delivery.render.RenderedEmail;
import dev.triggerforge.server.delivery.render.UnknownTemplateException;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The four library templates rendered with realistic variables, and with the optional ones missing. */
@QuarkusTest
@TestProfile(DeliveryProfiles.Log.class)
class TemplateRenderingTest {

    @Inject
    EmailRenderer renderer;

    private static final Map<String, Object> ANNA = Variables.customer("c-1", "anna@example.com", "Anna");

    @Test
    void offersTheFourLibraryTemplates() {
        assertEquals(List.of("cart-abandonment", "browse-abandonment", "post-purchase", "welcome"),
                renderer.templateIds());
    }

    @Test
    void cartAbandonmentShowsEveryLineAndLinksBackToTheCart() {
        RenderedEmail mail = renderer.render("cart-abandonment", Variables.cart(ANNA));

        assertEquals("Anna, your cart is waiting (3 items)", mail.subject());
        String html = mail.html();
        assertContains(html, "Anna, you left something behind");
        assertContains(html, "Trail running shoes");
        assertContains(html, "€129.95");
        assertContains(html, "Merino socks");
        assertContains(html, "Quantity: 2");
        assertContains(html, "€14.50 each");
        assertContains(html, "€29.00");
        assertContains(html, "€158.95");
        assertContains(html, "src=\"https://cdn.example.com/shoe-1.jpg\"");
        assertContains(html, "alt=\"Trail running shoes\"");
        assertContains(html, ">M</td>");
        assertContains(html, "href=\"http://localhost:8080/shop/cart?id=cart-42&amp;utm_source=triggerforge"
                + "&amp;utm_medium=email&amp;utm_campaign=cart-abandonment\"");
        assertContains(html, "max-width:600px");
        assertFalse(html.contains("Preview:"), "a real send carries no preview banner");
        assertContains(mail.text(), "- Merino socks x 2: €29.00");
        assertContains(mail.text(), "Return to your cart: http://localhost:8080/shop/cart?id=cart-42&utm_source");
    }

    @Test
    void aVariantsSubjectLineAndDiscountReachTheEmail() {
        Map<String, Object> vars = new HashMap<>(Variables.cart(ANNA));
        RenderedEmail plain = renderer.render("cart-abandonment", vars);
        vars.put("subjectLine", "Still thinking it over?");
        vars.put("discount", 10);
        RenderedEmail tested = renderer.render("cart-abandonment", vars);

        assertEquals("Still thinking it over?", tested.subject());
        assertContains(tested.html(), "take 10% off your order");
        assertContains(tested.text(), "take 10% off your order");
        assertFalse(plain.html().contains("% off"), "no discount line without a discount");
        vars.put("discount", 0);
        assertFalse(renderer.render("cart-abandonment", vars).text().contains("% off"), "a zero discount is none");
    }

    @Test
    void cartAbandonmentWithoutOptionalValues() {
        Map<String, Object> bare = new HashMap<>();
        bare.put("sku", "GIFT-1");
        bare.put("quantity", 1);
        Map<String, Object> cart = new LinkedHashMap<>();
        cart.put("lines", List.of(bare));
        Map<String, Object> vars = new HashMap<>();
        vars.put("customer", Map.of("id", "c-2", "email", "x@example.com"));
        vars.put("cart", cart);

        RenderedEmail mail = renderer.render("cart-abandonment", vars);

        assertEquals("Your cart is waiting", mail.subject());
        assertContains(mail.html(), "You left something behind");
        assertContains(mail.html(), "GIFT-1");
        assertContains(mail.html(), "href=\"http://localhost:8080/shop/cart?utm_source=triggerforge");
        assertFalse(mail.html().contains("Total"), "no total row without a total");
    }

    @Test
    void browseAbandonmentShowsAProductCardInTheShopCurrency() {
        RenderedEmail mail = renderer.render("browse-abandonment", Variables.product(ANNA));

        assertEquals("Still thinking about Down jacket?", mail.subject());
        assertContains(mail.html(), "Anna, still thinking it over?");
        assertContains(mail.html(), "Outerwear");
        assertContains(mail.html(), "$249.00");
        assertContains(mail.html(), "src=\"https://cdn.example.com/jkt-3.jpg\"");
        assertContains(mail.html(), "href=\"https://shop.example.com/p/JKT-3?utm_source=triggerforge");
    }

    @Test
    void browseAbandonmentWithOnlyASku() {
        Map<String, Object> vars = new HashMap<>();
        vars.put("product", Map.of("sku", "JKT-3"));

        RenderedEmail mail = renderer.render("browse-abandonment", vars);

        assertEquals("Still thinking it over?", mail.subject());
        assertContains(mail.html(), "The item you viewed");
        assertContains(mail.html(), "href=\"http://localhost:8080/shop/products/JKT-3?utm_source=triggerforge");
        assertFalse(mail.html().contains("<img"), "no image without an image URL");
    }

    @Test
    void postPurchaseSummarisesTheOrderAndCrossSells() {
        Map<String, Object> vars = Variables.order(ANNA);
        RenderedEmail plain = renderer.render("post-purchase", vars);

        assertEquals("Anna, how are you enjoying your order?", plain.subject());
        assertContains(plain.html(), "(order ORD-1001)");
        assertContains(plain.html(), "Two-person tent");
        assertContains(plain.html(), "€349.00");
        assertContains(plain.html(), "Discover new arrivals");

        vars.put("recommendations", List.of(
                Map.of("sku", "MAT-1", "name", "Sleeping mat", "price", new BigDecimal("59.00"),
                        "url", "https://shop.example.com/p/MAT-1"),
                Map.of("sku", "LAMP-1", "name", "Camping lamp")));
        RenderedEmail withIdeas = renderer.render("post-purchase", vars);
        assertContains(withIdeas.html(), "Sleeping mat");
        assertContains(withIdeas.html(), "€59.00");
        assertContains(withIdeas.html(), "Camping lamp");
        assertFalse(withIdeas.html().contains("Discover new arrivals"));
    }

    @Test
    void welcomeGreetsByFirstNameWhenKnown() {
        assertEquals("Welcome to TriggerForge Demo Shop, Anna!",
                renderer.render("welcome", Variables.welcome(ANNA)).subject());
        RenderedEmail anonymous = renderer.render("welcome", Map.of());
        assertEquals("Welcome to TriggerForge Demo Shop!", anonymous.subject());
        assertContains(anonymous.html(), "Welcome!</h1>");
        assertContains(anonymous.text(), "Start shopping: http://localhost:8080/shop/?utm_source=triggerforge");
    }

    @Test
    void escapesWhatCustomersAndShopsTyped() {
        Map<String, Object> vars = Variables.cart(Variables.customer("c-3", "t@example.com", "Tom <b>& Jerry"));

        RenderedEmail mail = renderer.render("cart-abandonment", vars);

        assertContains(mail.html(), "Tom &lt;b&gt;&amp; Jerry, you left something behind");
        assertEquals("Tom <b>& Jerry, your cart is waiting (3 items)", mail.subject());
    }

    @Test
    void realSendsOfEveryTemplateCarryOnlyTrackedLinksAnUnsubscribeLinkAndAPixel() {
        Map<String, Map<String, Object>> library = Map.of("cart-abandonment", Variables.cart(ANNA),
                "browse-abandonment", Variables.product(ANNA), "post-purchase", Variables.order(ANNA),
                "welcome", Variables.welcome(ANNA));
        library.forEach((id, vars) -> {
            RenderedEmail untracked = renderer.render(id, vars);
            assertFalse(untracked.html().contains("/t/") || untracked.text().contains("Unsubscribe"), id);

            RenderedEmail mail = renderer.renderSend(id, vars, "key|" + id);
            assertFalse(mail.html().contains("href=\"http://localhost:8080/shop"), id + ": " + mail.html());
            assertFalse(mail.text().contains("http://localhost:8080/shop"), id + ": " + mail.text());
            assertContains(mail.html(), "href=\"http://localhost:8080/t/c/");
            assertContains(mail.html(), ">Unsubscribe</a>");
            assertContains(mail.html(), "<img src=\"http://localhost:8080/t/o/");
            assertContains(mail.text(), "Unsubscribe: http://localhost:8080/t/u/");
        });
    }

    @Test
    void unknownTemplateIsRefusedWithItsName() {
        UnknownTemplateException e = assertThrows(UnknownTemplateException.class,
                () -> renderer.render("birthday", Map.of()));
        assertEquals("unknown template birthday", e.getMessage());
    }

    private static void assertContains(String text, String expected) {
        assertTrue(text.contains(expected), () -> "expected to find\n  " + expected + "\nin\n" + text);
    }
}
