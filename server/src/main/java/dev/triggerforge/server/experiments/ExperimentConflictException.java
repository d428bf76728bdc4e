package dev.triggerforge.server.experiments;

/** A lifecycle step that does not fit the experiment's state, such as resuming a stopped one. */
public class ExperimentConflictException extends RuntimeException {

    public ExperimentConflictException(String message) {
        super(message);
    }
}
