package dev.triggerforge.server.engine;

/** How a partition settles an event with whoever handed it over: the broker message, or nothing for a replay. */
public interface Delivery {

    Delivery NONE = new Delivery() {
        @Override
        public void committed() {
        }

        @Override
        public void failed(Throwable cause) {
        }
    };

    /** Everything the event caused is committed: acknowledge it. */
    void committed();

    /** The event's effects could not be committed: hand it back so it is delivered again. Only the first call counts. */
    void failed(Throwable cause);

    /** Sends what {@link #committed()} may have held back to send once per turn; called after the turn's last one. */
    default void flush() {
    }
}
