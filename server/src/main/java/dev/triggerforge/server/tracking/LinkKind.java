package dev.triggerforge.server.tracking;

/** What a tracked link does when followed, part of what is signed so one kind of token never passes for another. */
public enum LinkKind {
    OPEN("o"), CLICK("c"), UNSUBSCRIBE("u");

    private final String code;

    LinkKind(String code) {
        this.code = code;
    }

    /** The one-letter code used in the token and in the path {@code /t/<code>/<token>}. */
    public String code() {
        return code;
    }

    static LinkKind of(String code) {
        for (LinkKind kind : values()) {
            if (kind.code.equals(code)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown link kind " + code);
    }
}
