package dev.triggerforge.server.security;

import dev.triggerforge.server.testing.FreeBrokerPort;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

/** With no bootstrap token, a first start writes a random admin credential to a file only its owner can read. */
@QuarkusTest
@TestProfile(FirstStartTest.NoBootstrapToken.class)
class FirstStartTest {

    public static class NoBootstrapToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("triggerforge.security.bootstrap-token", "",
                    "quarkus.datasource.h2.jdbc.url",
                    "jdbc:h2:mem:first-start;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FreeBrokerPort.class));
        }
    }

    @Test
    void theFirstAdminCredentialIsRandomPrivateAndWorks() throws Exception {
        Path dir = Path.of(ConfigProvider.getConfig().getValue("triggerforge.data-dir", String.class));
        Path file = dir.resolve("admin-credentials.txt");
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        Properties credentials = new Properties();
        try (var in = Files.newInputStream(file)) {
            credentials.load(in);
        }
        String password = credentials.getProperty("password");
        String token = credentials.getProperty("token");
        assertThat(password).hasSizeGreaterThanOrEqualTo(24).isNotEqualTo("admin");
        assertThat(token).startsWith("tf_");

        given().auth().none().header("Authorization", "Bearer " + token).get("/api/me")
                .then().statusCode(200).body("name", equalTo("admin"));
        given().auth().preemptive().basic("admin", password).get("/api/me").then().statusCode(200);
        given().auth().preemptive().basic("admin", "admin").get("/api/me").then().statusCode(401);
    }
}
