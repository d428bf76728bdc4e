package dev.triggerforge.server.rulesets;

/** A request named a rule-set version that does not exist (answered with 404). */
public class UnknownVersionException extends RuntimeException {

    public UnknownVersionException(long version) {
        super("no rule-set version " + version);
    }

    public UnknownVersionException(String message) {
        super(message);
    }
}
