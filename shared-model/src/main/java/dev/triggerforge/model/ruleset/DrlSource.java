package dev.triggerforge.model.ruleset;

import java.util.Objects;

/** One DRL file of a rule set, by the name compile errors refer to. */
public record DrlSource(String name, String content) {

    public DrlSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
    }
}
