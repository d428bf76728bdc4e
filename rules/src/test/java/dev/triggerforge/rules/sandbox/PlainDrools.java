package dev.triggerforge.rules.sandbox;

import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.conf.EventProcessingOption;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds DRL with Drools alone, no sandbox, the way the compiler builds it: proof that a refused snippet is real DRL
 * that would otherwise have been compiled into the server.
 */
final class PlainDrools {

    private static final AtomicLong BUILDS = new AtomicLong();
    private static final KieServices KIE = KieServices.Factory.get();

    private PlainDrools() {
    }

    /** The build's error messages; empty when the DRL compiles. */
    static List<String> errors(String drl) {
        KieFileSystem fs = KIE.newKieFileSystem();
        fs.write("src/main/resources/dev/triggerforge/core/tf-core.drl", core());
        fs.write("src/main/resources/custom/plain.drl", drl);
        ReleaseId release = KIE.newReleaseId("dev.triggerforge.test", "plain", "1.0." + BUILDS.incrementAndGet());
        fs.generateAndWritePomXML(release);
        KieModuleModel module = KIE.newKieModuleModel();
        module.newKieBaseModel("plain").setDefault(true).setEventProcessingMode(EventProcessingOption.STREAM);
        fs.writeKModuleXML(module.toXML());
        try {
            KieBuilder builder = KIE.newKieBuilder(fs).buildAll();
            return builder.getResults().getMessages(Message.Level.ERROR).stream().map(Message::toString).toList();
        } finally {
            KIE.getRepository().removeKieModule(release);
        }
    }

    private static String core() {
        try (InputStream in = PlainDrools.class.getResourceAsStream("/dev/triggerforge/rules/compile/tf-core.drl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
