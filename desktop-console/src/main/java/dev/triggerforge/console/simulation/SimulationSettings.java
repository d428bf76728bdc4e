package dev.triggerforge.console.simulation;

import dev.triggerforge.rules.synthetic.SyntheticConfig;

/**
 * What the marketer asked to simulate: how much synthetic traffic, from which seed, and whether the draft runs
 * next to the library; checked here so a bad field is reported before any work starts.
 */
record SimulationSettings(int customers, int days, long seed, boolean withDraft) {

    static final int MAX_CUSTOMERS = 1_000_000;

    /** Runs with at most this many customers record every customer's timeline. */
    static final int TIMELINE_LIMIT = 5_000;

    SimulationSettings {
        if (customers < 1 || customers > MAX_CUSTOMERS) {
            throw new IllegalArgumentException("Customers must be from 1 to " + MAX_CUSTOMERS + ".");
        }
        if (days < 1 || days > 365) {
            throw new IllegalArgumentException("Days must be from 1 to 365.");
        }
    }

    /** Reads the three text fields, with a sentence naming the field that is not a number. */
    static SimulationSettings parse(String customers, String days, String seed, boolean withDraft) {
        return new SimulationSettings(number("Customers", customers), number("Days", days),
                longNumber("Seed", seed), withDraft);
    }

    SyntheticConfig traffic() {
        return SyntheticConfig.of(customers, days, seed);
    }

    boolean recordsTimelines() {
        return customers <= TIMELINE_LIMIT;
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
