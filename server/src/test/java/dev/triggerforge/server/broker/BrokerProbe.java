package dev.triggerforge.server.broker;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A test-only consumer of the embedded broker, built only under {@link BrokerProbeProfile}, keeping what it gets. */
@ApplicationScoped
@IfBuildProperty(name = BrokerProbe.ENABLED, stringValue = "true")
public class BrokerProbe {

    static final String ENABLED = "test.broker-probe.enabled";
    static final String CHANNEL = "broker-probe";

    private final List<String> received = new CopyOnWriteArrayList<>();

    @Incoming(CHANNEL)
    void receive(String payload) {
        received.add(payload);
    }

    List<String> received() {
        return received;
    }
}
