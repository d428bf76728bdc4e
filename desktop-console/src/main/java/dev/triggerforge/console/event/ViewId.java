package dev.triggerforge.console.event;

/** The console's screens, in navigation order, so events can name a view without holding it. */
public enum ViewId {
    RULES("Rules"),
    SIMULATION("Simulation"),
    TRIGGERS("Triggers");

    private final String title;

    ViewId(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
