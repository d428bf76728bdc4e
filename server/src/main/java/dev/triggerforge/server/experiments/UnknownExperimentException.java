package dev.triggerforge.server.experiments;

/** Asked about an experiment no activated rule set ever had. */
public class UnknownExperimentException extends RuntimeException {

    public UnknownExperimentException(String experimentId) {
        super("no experiment '" + experimentId + "': an experiment exists once a rule set whose trigger has variants "
                + "is activated");
    }
}
