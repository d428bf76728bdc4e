package dev.triggerforge.server.rulesets;

/** The answer to an activation: what runs now, what ran before, how long the swap took and what it cancelled. */
public record Activation(long version, Long previousVersion, long compileMillis, long swapMillis,
                         int cancelledWaits) {
}
