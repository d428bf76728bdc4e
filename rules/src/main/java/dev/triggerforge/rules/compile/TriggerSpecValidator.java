package dev.triggerforge.rules.compile;

import dev.triggerforge.model.event.EventType;
import dev.triggerforge.model.trigger.AllocationMode;
import dev.triggerforge.model.trigger.Condition;
import dev.triggerforge.model.trigger.EventMatch;
import dev.triggerforge.model.trigger.Operator;
import dev.triggerforge.model.trigger.Subject;
import dev.triggerforge.model.trigger.TriggerSpec;
import dev.triggerforge.model.trigger.Variant;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks guided trigger specs before any DRL is generated, so a marketer's mistake comes back as a sentence about
 * the spec field, not as a Drools error about code they never wrote.
 */
final class TriggerSpecValidator {

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Pattern PROPERTY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]{0,63}");
    private static final Pattern PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final Duration LONGEST_WAIT = Duration.ofDays(90);
    private static final Duration LONGEST_BEST_TIME = Duration.ofDays(7);
    private static final Set<String> SKU_EVENTS = Set.of("product_view", "cart_add", "cart_remove");

    private TriggerSpecValidator() {
    }

    static List<CompileError> validate(List<TriggerSpec> specs) {
        List<CompileError> errors = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < specs.size(); i++) {
            TriggerSpec spec = specs.get(i);
            String source = spec.id() == null ? "triggers[" + i + "]" : "trigger:" + spec.id();
            Checker check = new Checker(source, errors);
            if (spec.id() == null || !ID.matcher(spec.id()).matches()) {
                check.fail("id", "must be 1-64 lower-case letters, digits, '-' or '_'");
            } else if (!ids.add(spec.id())) {
                check.fail("id", "'" + spec.id() + "' is used by another trigger of this rule set");
            }
            validateSpec(spec, check);
        }
        return errors;
    }

    private static void validateSpec(TriggerSpec spec, Checker check) {
        if (spec.subject() == null) {
            check.fail("subject", "is required: one of cart, product, order, customer");
        }
        if (spec.entry() == null) {
            check.fail("entry", "is required");
        } else {
            eventMatch(spec.entry(), "entry", check);
            if (spec.subject() != null && EventType.isValid(spec.entry().eventType())) {
                subjectFits(spec.subject(), spec.entry().eventType(), check);
            }
        }
        if (spec.repeat() != null) {
            if (spec.repeat().count() < 2 || spec.repeat().count() > 50) {
                check.fail("repeat.count", "must be between 2 and 50");
            }
            if (spec.repeat().within() == null || spec.repeat().within().isNegative() || spec.repeat().within().isZero()) {
                check.fail("repeat.within", "must be a positive duration such as PT24H");
            }
        }
        waitDuration(spec.waitDuration(), "wait", check);
        for (int i = 0; i < spec.restartOn().size(); i++) {
            eventMatch(spec.restartOn().get(i), "restartOn[" + i + "]", check);
        }
        for (int i = 0; i < spec.cancelOn().size(); i++) {
            eventMatch(spec.cancelOn().get(i), "cancelOn[" + i + "]", check);
        }
        if (spec.oncePer() != null && (spec.oncePer().isNegative() || spec.oncePer().isZero())) {
            check.fail("oncePer", "must be a positive duration, or absent for once per subject");
        }
        if (spec.templateId() == null || !ID.matcher(spec.templateId()).matches()) {
            check.fail("templateId", "is required: 1-64 lower-case letters, digits, '-' or '_'");
        }
        for (int i = 0; i < spec.requires().size(); i++) {
            if (spec.requires().get(i) == null || !PATH.matcher(spec.requires().get(i)).matches()) {
                check.fail("requires[" + i + "]", "must be a dotted variable path such as customer.email");
            }
        }
        if (spec.experiment() != null && !ID.matcher(spec.experiment()).matches()) {
            check.fail("experiment", "must be 1-64 lower-case letters, digits, '-' or '_'");
        }
        parameters(spec.parameters(), "parameters", check);
        variants(spec.variants(), check);
        adaptive(spec, check);
    }

    private static void adaptive(TriggerSpec spec, Checker check) {
        if (spec.allocation() == AllocationMode.ADAPTIVE
                && spec.variants().stream().filter(v -> !v.holdout() && v.weight() > 0).count() < 2) {
            check.fail("allocation", "'adaptive' needs at least two sending variants with a weight above 0");
        }
        Duration within = spec.bestTimeWithin();
        if (within != null && (within.compareTo(Duration.ofHours(1)) < 0 || within.compareTo(LONGEST_BEST_TIME) > 0
                || within.toMinutesPart() != 0 || within.toSecondsPart() != 0 || within.toMillisPart() != 0)) {
            check.fail("bestTimeWithin", "must be whole hours from PT1H to P7D, got " + within);
        }
    }

    private static void parameters(Map<String, Object> parameters, String path, Checker check) {
        parameters.forEach((name, value) -> {
            if (!PROPERTY.matcher(name).matches()) {
                check.fail(path + "." + name, "must be a parameter name of letters, digits and '_'");
            } else if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                check.fail(path + "." + name, "must be text, a number or true/false");
            } else if (value instanceof String text && text.chars().anyMatch(Character::isISOControl)) {
                check.fail(path + "." + name, "must not contain control characters");
            }
        });
    }

    private static void subjectFits(Subject subject, String entryType, Checker check) {
        boolean fits = switch (subject) {
            case CART -> entryType.equals("cart_add");
            case PRODUCT -> SKU_EVENTS.contains(entryType);
            case ORDER -> entryType.equals("purchase");
            case CUSTOMER -> true;
        };
        if (!fits) {
            check.fail("entry.eventType", "'" + entryType + "' cannot start a wait about a "
                    + subject.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    private static void eventMatch(EventMatch match, String path, Checker check) {
        if (!EventType.isValid(match.eventType())) {
            check.fail(path + ".eventType", "unknown event type '" + match.eventType()
                    + "' (a built-in type or custom:<name>)");
        }
        for (int i = 0; i < match.conditions().size(); i++) {
            condition(match.conditions().get(i), path + ".conditions[" + i + "]", check);
        }
    }

    private static void condition(Condition c, String path, Checker check) {
        if (c.property() == null || !PROPERTY.matcher(c.property()).matches()) {
            check.fail(path + ".property", "must be a property name");
        }
        if (c.op() == null) {
            check.fail(path + ".op", "is required: one of eq, neq, gt, gte, lt, lte, contains, exists");
            return;
        }
        Object v = c.value();
        boolean ok = switch (c.op()) {
            case EXISTS -> v == null;
            case GT, GTE, LT, LTE -> v instanceof Number;
            case CONTAINS -> v instanceof String;
            case EQ, NEQ -> v instanceof String || v instanceof Number || v instanceof Boolean;
        };
        if (!ok) {
            check.fail(path + ".value", expectation(c.op()));
        } else if (v instanceof String s && s.chars().anyMatch(Character::isISOControl)) {
            check.fail(path + ".value", "must not contain control characters");
        }
    }

    private static String expectation(Operator op) {
        return switch (op) {
            case EXISTS -> "must be absent for 'exists'";
            case GT, GTE, LT, LTE -> "must be a number for '" + op.wireName() + "'";
            case CONTAINS -> "must be text for 'contains'";
            case EQ, NEQ -> "must be text, a number or true/false";
        };
    }

    private static void variants(List<Variant> variants, Checker check) {
        Set<String> ids = new HashSet<>();
        int total = 0;
        int holdouts = 0;
        for (int i = 0; i < variants.size(); i++) {
            Variant v = variants.get(i);
            String path = "variants[" + i + "]";
            if (v.holdout() && ++holdouts > 1) {
                check.fail(path + ".holdout", "an experiment has at most one holdout group");
            }
            parameters(v.parameters(), path + ".parameters", check);
            if (v.id() == null || !ID.matcher(v.id()).matches()) {
                check.fail(path + ".id", "must be 1-64 lower-case letters, digits, '-' or '_'");
            } else if (!ids.add(v.id())) {
                check.fail(path + ".id", "'" + v.id() + "' is used twice");
            }
            if (v.weight() < 0) {
                check.fail(path + ".weight", "must not be negative");
            }
            total += Math.max(0, v.weight());
            if (v.templateId() != null && !ID.matcher(v.templateId()).matches()) {
                check.fail(path + ".templateId", "must be 1-64 lower-case letters, digits, '-' or '_'");
            }
            if (v.waitDuration() != null) {
                waitDuration(v.waitDuration(), path + ".wait", check);
            }
        }
        if (!variants.isEmpty() && total == 0) {
            check.fail("variants", "weights must add up to more than zero");
        }
    }

    private static void waitDuration(Duration wait, String path, Checker check) {
        if (wait.isNegative() || wait.compareTo(LONGEST_WAIT) > 0) {
            check.fail(path, "must be between PT0S and P90D");
        }
    }

    /** Collects errors for one spec. */
    private record Checker(String source, List<CompileError> errors) {
        void fail(String field, String message) {
            errors.add(new CompileError(source, 0, 0, field + ": " + message));
        }
    }
}
