package dev.triggerforge.server.tracking;

import com.icegreen.greenmail.util.GreenMail;
import dev.triggerforge.server.delivery.OutboxFixture;
import dev.triggerforge.server.delivery.Variables;
import dev.triggerforge.server.feedback.FeedbackRecord;
import dev.triggerforge.server.sends.SendRecord;
import dev.triggerforge.server.sends.SendStatus;
import dev.triggerforge.server.store.Database;
import dev.triggerforge.server.testing.Customers;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Feedback from the emails themselves: links in a mail that really went out over SMTP come back as events about that
 * send, forged links do not, one click unsubscribes, and provider reports stop sends to dead addresses.
 */
@QuarkusTest
@TestProfile(TrackingProfile.class)
class EmailFeedbackTest {

    private static final String BASE = "http://localhost:8080";
    private static final Pattern CLICK = Pattern.compile("href=\"" + BASE + "(/t/c/[A-Za-z0-9_.-]+)\"");
    private static final Pattern PIXEL = Pattern.compile("src=\"" + BASE + "(/t/o/[A-Za-z0-9_.-]+)\"");
    private static final Pattern UNSUBSCRIBE = Pattern.compile("href=\"" + BASE + "(/t/u/[A-Za-z0-9_.-]+)\"");

    GreenMail greenMail;

    @Inject
    OutboxFixture outbox;

    @Inject
    TrackedLinks links;

    @Inject
    LinkSigner signer;

    @Inject
    Database database;

    @Inject
    MeterRegistry registry;

    @Test
    void openAndClickOfASentEmailBecomeFeedbackOnThatSend() throws Exception {
        String customer = Customers.withConsent("open");
        String address = customer + "@example.com";
        String key = outbox.schedule("cart-abandonment", customer,
                Variables.cart(Variables.customer(customer, address, "Anna")));
        String html = part(mail(address), "text/html");

        String pixel = first(PIXEL, html);
        List<String> clicks = all(CLICK, html);
        assertTrue(clicks.size() >= 3, html);
        assertFalse(html.contains("href=\"http://localhost:8080/shop"), "every shop link is tracked: " + html);

        for (int i = 0; i < 2; i++) {
            given().auth().none().get(pixel).then().statusCode(200).contentType("image/gif")
                    .header("Cache-Control", containsString("no-cache"));
        }
        String cartLink = clicks.stream().filter(c -> target(c).contains("/shop/cart")).findFirst().orElseThrow();
        assertEquals("http://localhost:8080/shop/cart?id=cart-42&utm_source=triggerforge&utm_medium=email"
                + "&utm_campaign=cart-abandonment", location(cartLink));

        await().atMost(Duration.ofSeconds(20)).until(() -> feedback(key, "email_open").size() == 1
                && feedback(key, "email_click").size() == 1);
        FeedbackRecord open = feedback(key, "email_open").get(0);
        assertEquals(customer, open.customerId);
        assertEquals(key, open.sendId);
        assertEquals(key, feedback(key, "email_click").get(0).sendId);
        assertTrue(hits("open", "valid") >= 2);
        Thread.sleep(1000);
        assertEquals(1, feedback(key, "email_open").size(), "a second open within the minute is a duplicate");
    }

    @Test
    void smtpCarriesTheOneClickUnsubscribeHeaders() throws Exception {
        String customer = Customers.withConsent("headers");
        String address = customer + "@example.com";
        String key = outbox.schedule("welcome", customer, Variables.welcome(Variables.customer(customer, address,
                "Ben")));
        MimeMessage mail = mail(address);

        assertEquals("<" + links.unsubscribe(key) + ">", mail.getHeader("List-Unsubscribe", null));
        assertEquals("List-Unsubscribe=One-Click", mail.getHeader("List-Unsubscribe-Post", null));
        assertTrue(part(mail, "text/plain").contains("Unsubscribe: " + links.unsubscribe(key)));
        assertEquals(links.unsubscribe(key), BASE + first(UNSUBSCRIBE, part(mail, "text/html")));
    }

    @Test
    void forgedClickLinksAreRefusedAndRecordNothing() {
        String customer = Customers.withConsent("forged");
        String key = outbox.insert("welcome", customer, Variables.welcome(Variables.customer(customer, null, "Cy")),
                SendStatus.FAILED, Instant.now());
        String target = "http://localhost:8080/shop/?utm_source=triggerforge";
        String good = links.click(key, target);
        String token = good.substring(good.lastIndexOf('/') + 1);
        int inSignature = token.indexOf('.') + 5;
        String oneCharChanged = token.substring(0, inSignature)
                + (token.charAt(inSignature) == 'x' ? 'y' : 'x') + token.substring(inSignature + 1);
        String evil = links.click(key, "https://evil.example/login");
        String evilToken = evil.substring(evil.lastIndexOf('/') + 1);
        String otherUrlsSignature = evilToken.substring(0, evilToken.indexOf('.'))
                + token.substring(token.indexOf('.'));
        String unsigned = token.substring(0, token.indexOf('.'));
        String script = links.click(key, "javascript:alert(1)");
        String unsubscribeToken = links.unsubscribe(key).substring(links.unsubscribe(key).lastIndexOf('/') + 1);

        for (String bad : List.of(oneCharChanged, otherUrlsSignature, unsigned, unsubscribeToken,
                script.substring(script.lastIndexOf('/') + 1))) {
            given().auth().none().redirects().follow(false).get("/t/c/" + bad).then()
                    .statusCode(400).header("Location", (String) null).body("error", notNullValue());
        }
        given().auth().none().get("/t/o/" + oneCharChanged).then().statusCode(200).contentType("image/gif");

        assertEquals(target, location("/t/c/" + token));
        await().atMost(Duration.ofSeconds(20)).until(() -> feedback(key, "email_click").size() == 1);
        assertEquals(target, location("/t/c/" + token));
        assertTrue(feedback(key, "email_open").isEmpty(), "a forged pixel records no open");
        assertTrue(hits("click", "invalid") >= 5);
    }

    @Test
    void oneClickUnsubscribeTurnsConsentOffWithinTheCall() {
        String customer = Customers.withConsent("unsub");
        String key = outbox.insert("welcome", customer, Variables.welcome(Variables.customer(customer, null, "Di")),
                SendStatus.FAILED, Instant.now());
        String path = links.unsubscribe(key).substring(BASE.length());

        given().auth().none().get(path).then().statusCode(200).contentType(ContentType.HTML)
                .body(containsString("<form method=\"post\""));
        given().get("/api/customers/" + customer).then().statusCode(200)
                .body("profile.marketingConsent", equalTo(true));

        given().auth().none().contentType(ContentType.URLENC).body("List-Unsubscribe=One-Click").post(path)
                .then().statusCode(200).body(containsString("unsubscribed"));
        given().get("/api/customers/" + customer).then().statusCode(200)
                .body("profile.marketingConsent", equalTo(false));
        await().atMost(Duration.ofSeconds(10)).until(() -> feedback(key, "email_unsubscribe").size() == 1);

        String tampered = path.substring(0, path.length() - 2) + (path.endsWith("A") ? "BB" : "AA");
        given().auth().none().post(tampered).then().statusCode(400).body("error", notNullValue());
    }

    @Test
    void aHardBounceStopsTheNextSendToThatAddress() throws Exception {
        String customer = Customers.withConsent("bounce");
        String address = customer + "@example.com";
        String first = outbox.schedule("welcome", customer, Variables.welcome(Variables.customer(customer, address,
                "Eve")));
        mail(address);
        SendRecord sent = await().atMost(Duration.ofSeconds(5)).until(() -> outbox.find(first),
                r -> "sent".equals(r.status));

        given().auth().none().header("X-TriggerForge-Webhook-Secret", TrackingProfile.WEBHOOK_SECRET)
                .contentType(ContentType.JSON)
                .body("[{\"type\":\"delivered\",\"sendId\":\"" + first + "\"},"
                        + "{\"type\":\"bounce\",\"sendId\":\"" + sent.providerMessageId + "\",\"bounce\":\"hard\","
                        + "\"at\":\"" + Instant.now() + "\"},"
                        + "{\"type\":\"bounce\",\"sendId\":\"no-such-send\",\"bounce\":\"hard\"}]")
                .post("/api/webhooks/acme").then().statusCode(200)
                .body("accepted", equalTo(2))
                .body("rejected.size()", equalTo(1))
                .body("rejected[0].index", equalTo(2))
                .body("rejected[0].reason", equalTo("unknown send"));
        await().atMost(Duration.ofSeconds(20)).until(() -> feedback(first, "email_bounce").size() == 1
                && feedback(first, "email_delivered").size() == 1);

        double blockedBefore = registry.counter("triggerforge.sends.blocked").count();
        String second = outbox.schedule("welcome", customer, Variables.welcome(Variables.customer(customer,
                address.toUpperCase(), "Eve")));
        SendRecord failed = await().atMost(Duration.ofSeconds(10)).until(() -> outbox.find(second),
                r -> "failed".equals(r.status));
        assertEquals("address blocked: hard bounce on " + LocalDate.now(ZoneOffset.UTC), failed.lastError);
        assertEquals(blockedBefore + 1, registry.counter("triggerforge.sends.blocked").count());
        assertEquals(1, received(address).size(), "the provider was not called for the blocked address");
    }

    @Test
    void webhooksWithoutTheRightSecretAreRefused() {
        String customer = Customers.withConsent("secret");
        String key = outbox.insert("welcome", customer, Variables.welcome(Variables.customer(customer,
                customer + "@example.com", "Flo")), SendStatus.SENT, Instant.now());
        String body = "[{\"type\":\"complaint\",\"sendId\":\"" + key + "\"}]";

        given().auth().none().header("X-TriggerForge-Webhook-Secret", "guess").contentType(ContentType.JSON)
                .body(body).post("/api/webhooks/acme").then().statusCode(401).body("error", notNullValue());
        given().auth().none().contentType(ContentType.JSON).body(body).post("/api/webhooks/acme")
                .then().statusCode(401);
        given().auth().none().header("X-TriggerForge-Webhook-Secret", TrackingProfile.WEBHOOK_SECRET)
                .contentType(ContentType.JSON).body(body).post("/api/webhooks/acme")
                .then().statusCode(200).body("accepted", equalTo(1));
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> database.session()
                .createSelectionQuery("select count(*) from BlockedAddress where sendId = :k", Long.class)
                .setParameter("k", key).getSingleResult()).intValue(), "only the authentic complaint blocks");
    }

    @Test
    void previewsCarryNoTrackedLinks() {
        String customer = Customers.withConsent("preview");
        String html = given().get("/api/templates/cart-abandonment/preview?customerId=" + customer)
                .then().statusCode(200).extract().asString();
        assertTrue(html.contains("http://localhost:8080/shop/"), html);
        assertFalse(html.contains("/t/"), html);
        assertFalse(html.contains("Unsubscribe"), html);
    }

    private String target(String clickPath) {
        return signer.verify(clickPath.substring(clickPath.lastIndexOf('/') + 1)).orElseThrow().url();
    }

    private String location(String clickPath) {
        Response response = given().auth().none().redirects().follow(false).get(clickPath);
        assertEquals(302, response.statusCode(), clickPath);
        return response.header("Location");
    }

    private List<FeedbackRecord> feedback(String sendId, String type) {
        return QuarkusTransaction.requiringNew().call(() -> database.session()
                .createSelectionQuery("from FeedbackRecord where sendId = :s and eventType = :t", FeedbackRecord.class)
                .setParameter("s", sendId).setParameter("t", type).getResultList());
    }

    private double hits(String kind, String outcome) {
        return registry.counter(TrackingMetrics.HITS, "kind", kind, "outcome", outcome).count();
    }

    private MimeMessage mail(String address) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> received(address), l -> !l.isEmpty()).get(0);
    }

    private List<MimeMessage> received(String address) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            for (Address to : m.getAllRecipients()) {
                if (to.toString().equalsIgnoreCase(address)) {
                    found.add(m);
                }
            }
        }
        return found;
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertTrue(m.find(), pattern + " in " + text);
        return m.group(1);
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String part(MimeMessage mail, String type) throws Exception {
        String found = find((MimeMultipart) mail.getContent(), type);
        assertNotNull(found, type);
        return found;
    }

    private static String find(MimeMultipart multipart, String type) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType(type)) {
                return part.getContent().toString();
            }
            if (part.getContent() instanceof MimeMultipart nested) {
                String found = find(nested, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
