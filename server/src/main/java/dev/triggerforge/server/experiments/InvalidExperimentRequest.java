package dev.triggerforge.server.experiments;

/** A request about an experiment that lacks what it needs, such as the variant to promote. */
public class InvalidExperimentRequest extends RuntimeException {

    public InvalidExperimentRequest(String message) {
        super(message);
    }
}
