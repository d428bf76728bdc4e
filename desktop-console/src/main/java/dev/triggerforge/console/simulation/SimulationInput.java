package dev.triggerforge.console.simulation;

import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.model.report.RejectedLine;
import dev.triggerforge.rules.simulation.EventFiles;
import dev.triggerforge.rules.synthetic.SyntheticTraffic;

import java.io.IOException;
import java.util.List;

/** The events and profiles one run simulates, and the recorded lines that could not be used, with their reasons. */
public record SimulationInput(List<CustomerEvent> events, List<CustomerProfile> profiles, List<RejectedLine> rejected) {

    public static SimulationInput of(SimulationSettings settings) throws IOException {
        if (!settings.recorded()) {
            SyntheticTraffic traffic = SyntheticTraffic.generate(settings.traffic());
            return new SimulationInput(traffic.events(), traffic.profiles(), List.of());
        }
        EventFiles.Inputs read = EventFiles.read(settings.recordedEvents(), settings.recordedProfiles());
        if (read.events().isEmpty()) {
            throw new IllegalArgumentException(settings.recordedEvents().getFileName() + " holds no valid event"
                    + (read.rejected().isEmpty() ? "." : "; the first problem: " + describe(read.rejected().get(0))));
        }
        return new SimulationInput(read.events(), read.profiles(), read.rejected());
    }

    /** How many customers the events are about. */
    long customers() {
        return events.stream().map(CustomerEvent::customerId).distinct().count();
    }

    public static String describe(RejectedLine line) {
        return line.file() + " line " + line.line() + ": " + line.error();
    }
}
