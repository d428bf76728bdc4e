package dev.triggerforge.rules.experiment;

/**
 * Whether an experiment assigns variants right now: the simulator runs every experiment, the server stops assigning
 * for paused and stopped ones so their triggers fall back to the trigger's own template, wait and parameters.
 */
@FunctionalInterface
public interface ExperimentGate {

    /** Every experiment assigns: what a rule set means on its own. */
    ExperimentGate ALL_RUNNING = experimentId -> true;

    boolean assigns(String experimentId);
}
