package dev.triggerforge.server.delivery;

import com.icegreen.greenmail.util.GreenMail;
import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.server.delivery.provider.SendIds;
import dev.triggerforge.server.sends.SendRecord;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The smtp provider against a real GreenMail server: what arrives, with which headers, and the row marked sent. */
@QuarkusTest
@TestProfile(DeliveryProfiles.Smtp.class)
class SmtpDeliveryTest {

    GreenMail greenMail;

    @Inject
    OutboxFixture outbox;

    @Test
    void abandonedCartGoesOutAsOneMultipartEmailThroughSmtp() throws Exception {
        String address = "anna." + UUID.randomUUID() + "@example.com";
        String key = outbox.schedule("cart-abandonment", "c-anna",
                Variables.cart(Variables.customer("c-anna", address, "Anna")));

        MimeMessage mail = await().atMost(Duration.ofSeconds(20)).until(() -> receivedBy(address), m -> m != null);

        assertArrayEquals(new String[]{address},
                Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).map(Object::toString).toArray());
        assertEquals("Outdoor Shop <news@shop.example.com>", mail.getFrom()[0].toString());
        assertEquals("Anna, your cart is waiting (3 items)", mail.getSubject());
        String sendId = SendIds.of(key);
        assertEquals(sendId, mail.getHeader("X-TriggerForge-Send", null));
        assertEquals("<" + sendId + "@shop.example.com>", mail.getMessageID());

        String html = part(mail, "text/html");
        assertTrue(html.contains("Trail running shoes") && html.contains("€129.95"), html);
        assertTrue(html.contains("Merino socks") && html.contains("Quantity: 2") && html.contains("€29.00"), html);
        assertTrue(html.contains("€158.95"), html);
        assertTrue(part(mail, "text/plain").contains("- Merino socks x 2: €29.00"));

        SendRecord row = await().atMost(Duration.ofSeconds(5)).until(() -> outbox.find(key),
                r -> "sent".equals(r.status));
        assertEquals("smtp", row.provider);
        assertEquals(mail.getMessageID(), row.providerMessageId);
        assertEquals(1, row.attempts);
        assertNotNull(row.sentAt);
    }

    @Test
    void addressFromTheProfileWhenTheDecisionHasNone() throws Exception {
        String address = "ben." + UUID.randomUUID() + "@example.com";
        outbox.saveProfile(new CustomerProfile("c-ben", address, "Europe/Berlin",
                "en-GB", true, Map.of("firstName", "Ben"), Map.of()));
        String key = outbox.schedule("welcome", "c-ben", Variables.welcome(Variables.customer("c-ben", null, "Ben")));

        MimeMessage mail = await().atMost(Duration.ofSeconds(20)).until(() -> receivedBy(address), m -> m != null);

        assertEquals("Welcome to TriggerForge Demo Shop, Ben!", mail.getSubject());
        await().atMost(Duration.ofSeconds(5)).until(() -> outbox.find(key).status, "sent"::equals);
    }

    private MimeMessage receivedBy(String address) throws Exception {
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            for (Address to : m.getAllRecipients()) {
                if (to.toString().equals(address)) {
                    return m;
                }
            }
        }
        return null;
    }

    private static String part(MimeMessage mail, String type) throws Exception {
        return find((MimeMultipart) mail.getContent(), type);
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
