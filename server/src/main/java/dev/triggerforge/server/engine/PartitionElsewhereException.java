package dev.triggerforge.server.engine;

/**
 * Cluster mode: the customer's partition does not run on this instance (another owns it, or no event of the customer
 * has placed it yet), so work that must happen in the customer's session cannot be done here.
 */
public class PartitionElsewhereException extends IllegalStateException {

    public PartitionElsewhereException(String message) {
        super(message);
    }
}
