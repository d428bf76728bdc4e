package dev.triggerforge.server.rulesets;

import dev.triggerforge.server.config.TriggerForgeConfig;
import dev.triggerforge.server.experiments.ExperimentSwitch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

/**
 * Tells every server instance about an activation or an experiment's new status through a fanout exchange
 * ({@code triggerforge.control}), each instance listening on a queue of its own, so a change reaches them all.
 */
@ApplicationScoped
public class ControlChannel {

    private static final Logger LOG = Logger.getLogger(ControlChannel.class);
    private static final String PREFIX = "activate ";
    private static final String EXPERIMENTS = "experiments ";

    private final Emitter<String> emitter;
    private final String instanceId;
    private final Instance<Deployments> deployments;
    private final Instance<ExperimentSwitch> experiments;

    ControlChannel(@Channel("control-out") Emitter<String> emitter, TriggerForgeConfig config,
                   Instance<Deployments> deployments, Instance<ExperimentSwitch> experiments) {
        this.emitter = emitter;
        this.instanceId = config.instanceId().orElseGet(ControlChannel::defaultInstanceId);
        this.deployments = deployments;
        this.experiments = experiments;
    }

    public String instanceId() {
        return instanceId;
    }

    void announce(long version) {
        emitter.send(PREFIX + version + " " + instanceId);
    }

    /** An experiment was paused, resumed or stopped: every instance reads the statuses again. */
    public void announceExperiments() {
        emitter.send(EXPERIMENTS + instanceId);
    }

    @Incoming("control")
    public void received(byte[] message) {
        String text = new String(message, StandardCharsets.UTF_8);
        String[] parts = text.split(" ");
        if (parts.length == 2 && text.startsWith(EXPERIMENTS)) {
            if (!parts[1].equals(instanceId)) {
                experiments.get().reload();
            }
            return;
        }
        if (parts.length != 3 || !text.startsWith(PREFIX)) {
            LOG.warnf("Ignoring an unknown control message: %s", text);
            return;
        }
        if (parts[2].equals(instanceId)) {
            return;
        }
        deployments.get().activatedElsewhere(Long.parseLong(parts[1]));
    }

    private static String defaultInstanceId() {
        return ManagementFactory.getRuntimeMXBean().getName();
    }
}
