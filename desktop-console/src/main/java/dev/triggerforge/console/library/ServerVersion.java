package dev.triggerforge.console.library;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.triggerforge.model.ruleset.RuleSet;

import java.time.Instant;

/** A rule-set version as the server lists it; {@code ruleSet} only when one version was asked for. */
@JsonIgnoreProperties(ignoreUnknown = true)
record ServerVersion(long version, String name, String author, String comment, Instant createdAt, boolean active,
                     Instant activatedAt, String inFlight, Integer triggers, Integer drlFiles, RuleSet ruleSet) {
}
