package dev.triggerforge.server;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.triggerforge.server.delivery.DeliveryProfiles;
import dev.triggerforge.server.testing.Customers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The whole product path: an event through the broker, the engine's decision, the outbox, and a rendered email in a
 * real SMTP server's inbox, once, however often the event arrives.
 */
@QuarkusTest
@TestProfile(DeliveryProfiles.Smtp.class)
class EventToInboxTest {

    GreenMail greenMail;

    @Test
    void anAbandonedCartBecomesOneRenderedEmail() throws Exception {
        String customer = Customers.withConsent("inbox");
        String cartAdd = Customers.cartAdd(customer + "-e1", customer, Instant.now().minus(Duration.ofMinutes(31)));
        given().contentType(ContentType.JSON).body("[" + cartAdd + "," + cartAdd + "]").post("/api/events")
                .then().statusCode(202);
        given().contentType(ContentType.JSON).body(cartAdd).post("/api/events").then().statusCode(202);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/sends?customerId=" + customer)
                .then().body("[0].status", equalTo("sent")));
        MimeMessage[] mine = Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> recipient(m).equals(customer + "@example.com")).toArray(MimeMessage[]::new);
        assertThat(mine).hasSize(1);
        String html = GreenMailUtil.getBody(mine[0]);
        assertThat(html).contains("Red shoes");
        assertThat(mine[0].getSubject()).isNotBlank();
        assertThat(given().get("/api/sends?customerId=" + customer).jsonPath().getList("$")).hasSize(1);
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
