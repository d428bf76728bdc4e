package dev.triggerforge.server.testing;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;

/** The default test setting: the in-process broker on a free port and in-memory H2; runs on any machine. */
public class EmbeddedServices implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FreeBrokerPort.class));
    }
}
