package dev.triggerforge.rules.compile;

import dev.triggerforge.model.trigger.Condition;
import dev.triggerforge.model.trigger.EventMatch;
import dev.triggerforge.model.trigger.Operator;
import dev.triggerforge.model.trigger.Subject;
import dev.triggerforge.model.trigger.TriggerSpec;

import java.math.BigDecimal;
import java.util.List;

/**
 * Writes the DRL of one guided trigger. Every rule it writes only filters events and the detector facts of the core
 * rules (carts, streaks, waits, dues); none holds a time window of its own, so a rule set's cost does not grow with
 * each trigger's wait.
 */
final class TriggerDrl {

    static final String PACKAGE = "dev.triggerforge.triggers";

    private TriggerDrl() {
    }

    /** The DRL of a spec that {@link TriggerSpecValidator} accepted. */
    static String generate(TriggerSpec spec) {
        StringBuilder out = new StringBuilder(2048);
        out.append("package ").append(PACKAGE).append("\n\n")
                .append("import dev.triggerforge.rules.fact.*\n\n")
                .append("global dev.triggerforge.rules.session.TriggerRuntime rt\n\n")
                .append("// Generated from trigger spec '").append(spec.id()).append("'. Do not edit: edit the spec.\n\n");
        if (spec.repeat() == null) {
            start(out, spec);
        } else {
            repeatedStart(out, spec);
        }
        for (int i = 0; i < spec.cancelOn().size(); i++) {
            waitReaction(out, spec, spec.cancelOn().get(i), "cancel " + (i + 1), 60, "startedAt <= $e.timestamp",
                    "rt.cancelled( $w, $e );\n        delete( $w );");
        }
        for (int i = 0; i < spec.restartOn().size(); i++) {
            waitReaction(out, spec, spec.restartOn().get(i), "restart " + (i + 1), 40,
                    "lastActivityAt < $e.timestamp",
                    "$e.markHandled( " + quote(spec.id()) + " );\n        modify( $w ) { restart( $e, rt.now() ) }\n"
                            + "        rt.restarted( $w, $e );");
        }
        send(out, spec);
        return out.toString();
    }

    private static void start(StringBuilder out, TriggerSpec spec) {
        rule(out, spec, "start", 50, null,
                entryPattern(spec) + cartJoin(spec.subject())
                        + "        not Wait( triggerId == " + quote(spec.id()) + ", customerId == $e.customerId, subject == "
                        + subjectOfEvent(spec.subject(), false) + " )\n"
                        + "        eval( !$e.handledBy( " + quote(spec.id()) + " ) )\n",
                "$e.markHandled( " + quote(spec.id()) + " );\n        insert( rt.startWait( " + quote(spec.id()) + ", $e, "
                        + subjectOfEvent(spec.subject(), true) + " ) );");
    }

    private static void repeatedStart(StringBuilder out, TriggerSpec spec) {
        String id = quote(spec.id());
        String sameStreak = "Streak( triggerId == " + id + ", customerId == $e.customerId, subject == "
                + subjectOfEvent(spec.subject(), false) + " )";
        rule(out, spec, "first occurrence", 56, null,
                entryPattern(spec) + cartJoin(spec.subject()) + "        not " + sameStreak + "\n",
                "insert( rt.streak( " + id + ", $e, " + subjectOfEvent(spec.subject(), true) + " ) );");
        rule(out, spec, "count occurrence", 55, "no-loop true",
                entryPattern(spec) + cartJoin(spec.subject()) + "        $s : " + sameStreak + "\n",
                "modify( $s ) { record( $e, rt.now() ) }");
        String complete = "        $s : Streak( triggerId == " + id + ", complete )\n";
        String sameWait = "Wait( triggerId == " + id + ", customerId == $s.customerId, subject == $s.subject )";
        rule(out, spec, "start", 50, null, complete + "        not " + sameWait + "\n",
                "insert( rt.startWait( " + id + ", $s ) );\n        modify( $s ) { reset() }");
        rule(out, spec, "repeat while waiting", 49, null, complete + "        exists " + sameWait + "\n",
                "modify( $s ) { reset() }");
    }

    private static void waitReaction(StringBuilder out, TriggerSpec spec, EventMatch match, String name,
                                     int salience, String timing, String action) {
        String when = "        $e : EventFact( type == " + quote(match.eventType()) + conditions(match.conditions()) + " )\n"
                + "        $w : Wait( triggerId == " + quote(spec.id()) + ", customerId == $e.customerId"
                + concerns(spec.subject()) + ", " + timing + " )\n";
        rule(out, spec, name, salience, null, when, action);
    }

    private static void send(StringBuilder out, TriggerSpec spec) {
        String when = "        $d : Due( triggerId == " + quote(spec.id()) + " )\n";
        String then = "rt.send( $d );";
        if (spec.subject() == Subject.CART) {
            when += "        $cart : Cart( customerId == $d.customerId, subject == $d.subject, empty == false )\n";
            then = "rt.send( $d, $cart );";
        }
        rule(out, spec, "send", 0, null, when, then);
    }

    private static void rule(StringBuilder out, TriggerSpec spec, String name, int salience, String attribute,
                             String when, String then) {
        out.append("rule ").append(quote(spec.id() + ": " + name)).append('\n');
        if (salience != 0) {
            out.append("    salience ").append(salience).append('\n');
        }
        if (attribute != null) {
            out.append("    ").append(attribute).append('\n');
        }
        out.append("    when\n").append(when).append("    then\n        ").append(then).append("\nend\n\n");
    }

    private static String entryPattern(TriggerSpec spec) {
        String notNull = switch (spec.subject()) {
            case PRODUCT -> ", sku != null";
            case ORDER -> ", orderId != null";
            case CART, CUSTOMER -> "";
        };
        return "        $e : EventFact( type == " + quote(spec.entry().eventType()) + notNull
                + conditions(spec.entry().conditions()) + " )\n";
    }

    private static String cartJoin(Subject subject) {
        return subject == Subject.CART ? "        $cart : Cart( customerId == $e.customerId )\n" : "";
    }

    /** The subject of the entry event, as a constraint expression (conditions) or a Java expression (actions). */
    private static String subjectOfEvent(Subject subject, boolean java) {
        return switch (subject) {
            case CART -> java ? "$cart.getSubject()" : "$cart.subject";
            case PRODUCT -> java ? "$e.getProductSubject()" : "$e.productSubject";
            case ORDER -> java ? "$e.getOrderSubject()" : "$e.orderSubject";
            case CUSTOMER -> quote("customer");
        };
    }

    /** How an event that restarts or cancels must relate to the wait's subject. */
    private static String concerns(Subject subject) {
        return switch (subject) {
            case PRODUCT -> ", subjectValue memberOf $e.skus";
            case ORDER -> ", subjectValue == $e.orderId";
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
