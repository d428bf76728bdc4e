package dev.triggerforge.server.rulesets;

import dev.triggerforge.model.ruleset.DrlSource;
import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.model.trigger.TriggerSpec;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What changed between two versions: triggers and DRL files added, removed or changed, and the guardrails. */
public record RuleSetDiff(long from, long to, List<String> triggersAdded, List<String> triggersRemoved,
                          List<String> triggersChanged, List<String> drlAdded, List<String> drlRemoved,
                          List<String> drlChanged, boolean guardrailsChanged) {

    static RuleSetDiff of(long from, RuleSet a, long to, RuleSet b) {
        Map<String, TriggerSpec> ta = a.triggers().stream().collect(Collectors.toMap(TriggerSpec::id, Function.identity()));
        Map<String, TriggerSpec> tb = b.triggers().stream().collect(Collectors.toMap(TriggerSpec::id, Function.identity()));
        Map<String, String> da = a.drl().stream().collect(Collectors.toMap(DrlSource::name, DrlSource::content));
        Map<String, String> db = b.drl().stream().collect(Collectors.toMap(DrlSource::name, DrlSource::content));
        return new RuleSetDiff(from, to, onlyIn(tb, ta), onlyIn(ta, tb), changed(ta, tb), onlyIn(db, da),
                onlyIn(da, db), changed(da, db), !Objects.equals(a.guardrails(), b.guardrails()));
    }

    private static List<String> onlyIn(Map<String, ?> here, Map<String, ?> notThere) {
        return here.keySet().stream().filter(k -> !notThere.containsKey(k)).sorted().toList();
    }

    private static <T> List<String> changed(Map<String, T> a, Map<String, T> b) {
        return new TreeSet<>(a.keySet()).stream().filter(b::containsKey)
                .filter(k -> !Objects.equals(a.get(k), b.get(k))).toList();
    }
}
