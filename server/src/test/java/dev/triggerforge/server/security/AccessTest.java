package dev.triggerforge.server.security;

import dev.triggerforge.server.testing.AsAdmin;
import dev.triggerforge.server.testing.EmbeddedServices;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The access matrix over real HTTP: no credentials, wrong ones, and each role against what it may and may not do. */
@QuarkusTest
@TestProfile(EmbeddedServices.class)
class AccessTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestHTTPResource("/")
    URL base;

    @Test
    void withoutCredentialsEveryApiCallIs401WithAClearBody() throws Exception {
        for (String path : new String[]{"/api/sends", "/api/rulesets", "/api/customers/x/timeline", "/api/me",
                "/api/experiments", "/api/campaigns/kpis"}) {
            HttpResponse<String> r = call("GET", path, null, null);
            assertThat(r.statusCode()).as(path).isEqualTo(401);
            assertThat(r.body()).contains("authentication required");
            assertThat(r.headers().firstValue("WWW-Authenticate")).isPresent();
        }
        assertThat(call("POST", "/api/events", null, "{}").statusCode()).isEqualTo(401);
    }

    @Test
    void wrongPasswordsAndUnknownTokensAre401() throws Exception {
        assertThat(call("GET", "/api/me", basic("admin", "not-the-password"), null).statusCode()).isEqualTo(401);
        HttpResponse<String> r = call("GET", "/api/me", "Bearer tf_made_up", null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("unknown user, wrong password or unknown token");
    }

    @Test
    void eachRoleMayDoItsPartAndNoMore() throws Exception {
        String viewer = userWithRole("viewer");
        String marketer = userWithRole("marketer");
        String admin = "Bearer " + AsAdmin.TOKEN;

        assertThat(call("GET", "/api/sends", viewer, null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/rulesets", viewer, null).statusCode()).isEqualTo(200);
        HttpResponse<String> denied = call("POST", "/api/events", viewer, event());
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).contains("may not do this");
        assertThat(call("POST", "/api/rulesets/rollback", viewer, null).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/experiments", viewer, null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/campaigns/kpis", viewer, null).statusCode()).isEqualTo(200);
        assertThat(call("POST", "/api/experiments/any/pause", viewer, null).statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/campaigns/baselines", viewer, "{}").statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/experiments/any/pause", marketer, null).statusCode()).isEqualTo(404);

        assertThat(call("POST", "/api/events", marketer, event()).statusCode()).isEqualTo(202);
        assertThat(call("POST", "/api/rulesets", marketer, RuleSetBodies.specsOnly("marketer-specs")).statusCode())
                .isEqualTo(201);
        HttpResponse<String> drl = call("POST", "/api/rulesets", marketer, RuleSetBodies.withDrl("marketer-drl"));
        assertThat(drl.statusCode()).isEqualTo(403);
        assertThat(drl.body()).contains("raw DRL need the admin role");
        assertThat(call("POST", "/api/rulesets/rollback", marketer, null).statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/users", marketer, "{}").statusCode()).isEqualTo(403);

        assertThat(call("POST", "/api/rulesets", admin, RuleSetBodies.withDrl("admin-drl")).statusCode())
                .isEqualTo(201);
        assertThat(call("GET", "/api/me", admin, null).body()).contains("\"admin\"");
    }

    @Test
    void basicAuthAndIssuedTokensWorkForACreatedUser() throws Exception {
        String name = "ops-" + System.nanoTime();
        String password = "a-long-enough-password";
        assertThat(call("POST", "/api/users", "Bearer " + AsAdmin.TOKEN,
                "{\"username\":\"" + name + "\",\"password\":\"" + password + "\",\"role\":\"viewer\"}").statusCode())
                .isEqualTo(201);
        assertThat(call("GET", "/api/me", basic(name, password), null).body()).contains(name, "viewer");
        assertThat(call("POST", "/api/users", "Bearer " + AsAdmin.TOKEN,
                "{\"username\":\"x\",\"password\":\"short\",\"role\":\"viewer\"}").statusCode()).isEqualTo(400);
        assertThat(call("POST", "/api/users", "Bearer " + AsAdmin.TOKEN,
                "{\"username\":\"y\",\"password\":\"long-enough-password\",\"role\":\"root\"}").body())
                .contains("role must be viewer, marketer or admin");
    }

    @Test
    void operationalEndpointsStayOpen() throws Exception {
        assertThat(call("GET", "/q/health/live", null, null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/q/metrics", null, null).statusCode()).isEqualTo(200);
    }

    private String userWithRole(String role) throws Exception {
        HttpResponse<String> issued = call("POST", "/api/tokens", "Bearer " + AsAdmin.TOKEN,
                "{\"username\":\"" + role + "-user\",\"role\":\"" + role + "\"}");
        assertThat(issued.statusCode()).isEqualTo(201);
        String token = issued.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        return "Bearer " + token;
    }

    private static String event() {
        return "{\"eventId\":\"acc-" + System.nanoTime() + "\",\"customerId\":\"acc\",\"type\":\"page_view\","
                + "\"occurredAt\":\"" + Instant.now() + "\"}";
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> call(String method, String path, String authorization, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
