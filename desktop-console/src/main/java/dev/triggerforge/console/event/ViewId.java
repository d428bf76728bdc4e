package dev.triggerforge.console.event;

/** The console's screens, in navigation order (Ctrl+1 for the first), so events can name a view without holding it. */
public enum ViewId {
    RULES("Rules"),
    SIMULATION("Simulation"),
    TRIGGERS("Triggers"),
    LIBRARY("Library & deploy"),
    EXPERIMENTS("Experiments"),
    DASHBOARD("Live dashboard"),
    OPTIMIZATION("Optimization"),
    SERVER("Server");

    private final String title;

    ViewId(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
