package dev.triggerforge.server.testing;

import io.restassured.http.ContentType;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Test customers with consent in a time zone where it is daytime now, so quiet hours never hold their emails. */
public final class Customers {

    private Customers() {
    }

    /** A fixed-offset zone whose local hour is between 10 and 17 right now. */
    public static String daytimeZone() {
        for (int offset = -12; offset <= 14; offset++) {
            String id = offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" + offset : "+" + (-offset));
            int hour = ZonedDateTime.now(ZoneId.of(id)).getHour();
            if (hour >= 10 && hour <= 17) {
                return id;
            }
        }
        throw new IllegalStateException("no daytime zone found");
    }

    public static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Stores a consenting profile through the API and returns the customer id. */
    public static String withConsent(String prefix) {
        return stored(prefix, true);
    }

    /** Stores a profile that refused marketing email, in a daytime zone so that consent is what holds it back. */
    public static String withoutConsent(String prefix) {
        return stored(prefix, false);
    }

    private static String stored(String prefix, boolean consent) {
        String id = newId(prefix);
        given().contentType(ContentType.JSON)
                .body("{\"email\":\"" + id + "@example.com\",\"timezone\":\"" + daytimeZone()
                        + "\",\"marketingConsent\":" + consent + ",\"attributes\":{\"firstName\":\"Ann\"}}")
                .put("/api/customers/" + id).then().statusCode(200);
        return id;
    }

    public static String cartAdd(String eventId, String customerId, Instant occurredAt) {
        return "{\"eventId\":\"" + eventId + "\",\"customerId\":\"" + customerId + "\",\"type\":\"cart_add\","
                + "\"occurredAt\":\"" + occurredAt + "\",\"properties\":{\"sku\":\"SKU-1\",\"name\":\"Red shoes\","
                + "\"price\":59.9,\"quantity\":1,\"currency\":\"EUR\",\"imageUrl\":\"https://shop.example/red.jpg\"}}";
    }
}
