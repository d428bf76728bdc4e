package dev.triggerforge.console.connection;

import java.util.List;

/** A server's refusal or failure in words a marketer can act on: the status, the server's sentence and its fields. */
public final class ServerException extends RuntimeException {

    private final int status;
    private final List<String> details;

    public ServerException(int status, String message, List<String> details) {
        super(message);
        this.status = status;
        this.details = List.copyOf(details);
    }

    /** The HTTP status, or 0 when the server could not be reached at all. */
    public int status() {
        return status;
    }

    /** Each field problem the server named, as {@code path: message}. */
    public List<String> details() {
        return details;
    }
}
