package dev.triggerforge.console.simulation;

import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.rules.simulation.SimulationOptions;
import dev.triggerforge.rules.synthetic.Behaviour;
import dev.triggerforge.rules.synthetic.EngagementModel;
import dev.triggerforge.rules.synthetic.EngagementRates;
import dev.triggerforge.rules.synthetic.SyntheticConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the marketer asked to simulate: synthetic traffic (how much, which behaviour, which seed) or a recorded
 * events file, how simulated customers answer emails, and whether the DRL draft runs too; checked here so a bad
 * field is reported before any work starts.
 *
 * @param recordedEvents a JSON Lines events file to replay instead of synthetic traffic, or null
 * @param recordedProfiles the matching profiles file, or null
 */
public record SimulationSettings(int customers, int days, long seed, boolean withDraft, Behaviour behaviour,
                          EngagementRates rates, Path recordedEvents, Path recordedProfiles) {

    static final int MAX_CUSTOMERS = 1_000_000;

    /** Runs with at most this many customers record every customer's timeline. */
    static final int TIMELINE_LIMIT = 5_000;

    public SimulationSettings {
        if (customers < 1 || customers > MAX_CUSTOMERS) {
            throw new IllegalArgumentException("Customers must be from 1 to " + MAX_CUSTOMERS + ".");
        }
        if (days < 1 || days > 365) {
            throw new IllegalArgumentException("Days must be from 1 to 365.");
        }
        readable("events", recordedEvents);
        readable("profiles", recordedProfiles);
        if (recordedProfiles != null && recordedEvents == null) {
            throw new IllegalArgumentException("A profiles file needs an events file to go with it.");
        }
    }

    /** Reads the three text fields, with a sentence naming the field that is not a number. */
    public static SimulationSettings parse(String customers, String days, String seed, boolean withDraft) {
        return new SimulationSettings(number("Customers", customers), number("Days", days),
                longNumber("Seed", seed), withDraft, Behaviour.DEFAULTS, EngagementRates.DEFAULTS, null, null);
    }

    SimulationSettings withBehaviour(Behaviour shoppers, EngagementRates answers) {
        return new SimulationSettings(customers, days, seed, withDraft, shoppers, answers, recordedEvents,
                recordedProfiles);
    }

    /** Replays {@code events} (and {@code profiles}, may be null) instead of generating traffic. */
    public SimulationSettings withRecording(Path events, Path profiles) {
        return new SimulationSettings(customers, days, seed, withDraft, behaviour, rates, events, profiles);
    }

    public boolean recorded() {
        return recordedEvents != null;
    }

    /** Simulation options in which simulated customers answer the emails, seeded and at the rates asked for. */
    public SimulationOptions engagement(List<CustomerEvent> events) {
        return SimulationOptions.defaults().withResponses(new EngagementModel(seed, rates, Map.of(),
                EngagementModel.eventTimes(events)));
    }

    SyntheticConfig traffic() {
        return new SyntheticConfig(customers, days, seed, SyntheticConfig.DEFAULT_START, behaviour);
    }

    private static void readable(String what, Path file) {
        if (file != null && !Files.isReadable(file)) {
            throw new IllegalArgumentException("The " + what + " file " + file + " cannot be read.");
        }
    }

    private static int number(String field, String text) {
        long value = longNumber(field, text);
        if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
            throw new IllegalArgumentException(field + " is too large.");
        }
        return (int) value;
    }

    private static long longNumber(String field, String text) {
        try {
            return Long.parseLong(text.strip().replace(",", "").replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a whole number, not '" + text.strip() + "'.", e);
        }
    }
}
