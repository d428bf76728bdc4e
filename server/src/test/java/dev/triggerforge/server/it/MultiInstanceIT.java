package dev.triggerforge.server.it;

import dev.triggerforge.rules.library.TriggerLibrary;
import dev.triggerforge.server.rulesets.RuleSetUpload;
import dev.triggerforge.server.security.RuleSetBodies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two server processes on one RabbitMQ and one PostgreSQL: a version activated through one reaches the other over
 * the control exchange, and the API shows which version each instance runs.
 */
@EnabledIfEnvironmentVariable(named = "TRIGGERFORGE_SERVICES", matches = "on")
class MultiInstanceIT {

    private final Services services = new Services();
    private final String db = Services.uniqueDatabase("tfmulti");
    private final Services.Names names = Services.Names.unique("tfmulti");
    private final Path dir = Path.of("target/multi-it");
    private ServerProcess first;
    private ServerProcess second;

    @BeforeEach
    void freshServices() {
        services.recreateDatabase(db);
    }

    @AfterEach
    void cleanUp() {
        for (ServerProcess p : new ServerProcess[]{first, second}) {
            if (p != null) {
                p.kill();
            }
        }
        services.deleteAll(names);
        services.dropDatabase(db);
    }

    @Test
    void anActivationReachesEveryInstance() {
        first = start("first");
        first.awaitReady(Duration.ofSeconds(120));
        second = start("second");
        second.awaitReady(Duration.ofSeconds(120));

        String upload = RuleSetBodies.json(new RuleSetUpload("everywhere", "multi-instance test", null, List.of(),
                TriggerLibrary.specs().subList(0, 2), null));
        String created = first.post("/api/rulesets", upload, 201);
        long version = Long.parseLong(created.replaceAll(".*\"version\":(\\d+).*", "$1"));
        Instant activated = Instant.now();
        first.post("/api/rulesets/" + version + "/activate", null, 200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String instances = second.get("/api/rulesets/instances");
            assertThat(instances).contains("\"instanceId\":\"first\",\"ruleSetVersion\":" + version);
            assertThat(instances).contains("\"instanceId\":\"second\",\"ruleSetVersion\":" + version);
        });
        assertThat(second.get("/q/health/ready")).contains("\"ruleSetVersion\": " + version);
        System.out.printf("[multi-it] version %d reached the second instance within %d ms%n", version,
                Duration.between(activated, Instant.now()).toMillis());
    }

    private ServerProcess start(String name) {
        ServerProcess p = ServerProcess.builder().services(services, db, names)
                .property("triggerforge.instance-id", name)
                .property("triggerforge.data-dir", dir.resolve(name).toAbsolutePath())
                .property("triggerforge.delivery.enabled", "false")
                .property("triggerforge.engine.partitions", 1)
                .log(dir.resolve(name + ".log")).jvmOption("-Xmx512m").build();
        return p.start();
    }
}
