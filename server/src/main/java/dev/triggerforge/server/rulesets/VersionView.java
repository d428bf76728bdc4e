package dev.triggerforge.server.rulesets;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.triggerforge.model.ruleset.RuleSet;

import java.time.Instant;

/** A stored version as the API shows it; the rule set itself only when one version is asked for. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VersionView(long version, String name, String author, String comment, Instant createdAt,
                          boolean active, Instant activatedAt, String inFlight, Integer triggers, Integer drlFiles,
                          RuleSet ruleSet) {

    static VersionView of(RuleSetVersion v, RuleSet ruleSet, boolean withBody) {
        return new VersionView(v.version, v.name, v.author, v.comment, v.createdAt, v.active, v.activatedAt,
                v.inFlight, ruleSet.triggers().size(), ruleSet.drl().size(), withBody ? ruleSet : null);
    }
}
