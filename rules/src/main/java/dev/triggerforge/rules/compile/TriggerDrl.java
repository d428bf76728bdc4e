package dev.triggerforge.rules.compile;

import dev.triggerforge.model.trigger.Condition;
import dev.triggerforge.model.trigger.EventMatch;
import dev.triggerforge.model.trigger.Operator;
import dev.triggerforge.model.trigger.Subject;
import dev.triggerforge.model.trigger.TriggerSpec;

import java.math.BigDecimal;
import java.util.List;

/**
 * Writes the DRL of one guided trigger: one rule per entry, restart and cancel match, each a filter on the event
 * (type and conditions, all in the alpha network) whose action tells the runtime what the event means for the
 * trigger, and one rule that lets a due wait through to its send. No rule joins or holds a time window, so a rule
 * set's cost per event does not grow with every trigger's wait.
 */
final class TriggerDrl {

    static final String PACKAGE = "dev.triggerforge.triggers";

    private TriggerDrl() {
    }

    /** The DRL of a spec that {@link TriggerSpecValidator} accepted. */
    static String generate(TriggerSpec spec) {
        StringBuilder out = new StringBuilder(1024);
        out.append("package ").append(PACKAGE).append("\n\n")
                .append("import dev.triggerforge.rules.fact.*\n\n")
                .append("global dev.triggerforge.rules.session.TriggerRuntime rt\n\n")
                .append("// Generated from trigger spec '").append(spec.id()).append("'. Do not edit: edit the spec.\n\n");
        String id = quote(spec.id());
        for (int i = 0; i < spec.cancelOn().size(); i++) {
            rule(out, spec, "cancel " + (i + 1), 60, eventPattern(spec.cancelOn().get(i), ""),
                    "rt.cancel( " + id + ", $e );");
        }
        rule(out, spec, "start", 50, eventPattern(spec.entry(), subjectKnown(spec.subject())),
                "rt.start( " + id + ", $e );");
        for (int i = 0; i < spec.restartOn().size(); i++) {
            rule(out, spec, "restart " + (i + 1), 40, eventPattern(spec.restartOn().get(i), ""),
                    "rt.restart( " + id + ", $e );");
        }
        rule(out, spec, "send", 0, "$d : Due( triggerId == " + id + ", subjectAlive )", "rt.send( $d );");
        return out.toString();
    }

    private static void rule(StringBuilder out, TriggerSpec spec, String name, int salience, String when,
                             String then) {
        out.append("rule ").append(quote(spec.id() + ": " + name)).append('\n');
        if (salience != 0) {
            out.append("    salience ").append(salience).append('\n');
        }
        out.append("    when\n        ").append(when).append("\n    then\n        ").append(then).append("\nend\n\n");
    }

    private static String eventPattern(EventMatch match, String extra) {
        return "$e : EventFact( type == " + quote(match.eventType()) + extra + conditions(match.conditions()) + " )";
    }

    /** The entry event must name its subject: a product needs a sku, an order an order id. */
    private static String subjectKnown(Subject subject) {
        return switch (subject) {
            case PRODUCT -> ", sku != null";
            case ORDER -> ", orderId != null";
            case CART, CUSTOMER -> "";
        };
    }

    static String conditions(List<Condition> conditions) {
        StringBuilder out = new StringBuilder();
        for (Condition c : conditions) {
            out.append(", ").append(condition(c));
        }
        return out.toString();
    }

    private static String condition(Condition c) {
        String key = quote(c.property());
        return switch (c.op()) {
            case EXISTS -> "has( " + key + " )";
            case CONTAINS -> "textContains( " + key + ", " + quote(String.valueOf(c.value())) + " )";
            case EQ, NEQ -> {
                String op = c.op() == Operator.EQ ? " == " : " != ";
                yield c.value() instanceof Number n
                        ? "number( " + key + " )" + op + number(n)
                        : "text( " + key + " )" + op + quote(String.valueOf(c.value()));
            }
            case GT, GTE, LT, LTE -> "number( " + key + " ) " + symbol(c.op()) + " " + number((Number) c.value());
        };
    }

    private static String symbol(Operator op) {
        return switch (op) {
            case GT -> ">";
            case GTE -> ">=";
            case LT -> "<";
            case LTE -> "<=";
            default -> throw new IllegalArgumentException(op + " is not a numeric comparison");
        };
    }

    private static String number(Number n) {
        String plain = new BigDecimal(n.toString()).toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    /** A DRL string literal; the validator has already refused control characters. */
    static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
