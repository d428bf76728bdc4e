package dev.triggerforge.rules.session;

/** What a session did with an offered event. */
public enum Offer {
    /** The rules saw it. */
    ACCEPTED,
    /** Its id was seen before; ignored. */
    DUPLICATE,
    /** Too far behind the clock to trigger; reported, profile effects applied. */
    LATE
}
