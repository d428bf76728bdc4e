package dev.triggerforge.server.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Every REST-assured call of a test runs as the admin of the test profile's bootstrap token, so tests of other
 * features go through the real security layer; the access tests use their own HTTP client.
 */
public class AsAdmin implements QuarkusTestBeforeEachCallback {

    public static final String TOKEN = "test-admin-token-not-for-production";

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        RestAssured.authentication = RestAssured.oauth2(TOKEN);
    }
}
