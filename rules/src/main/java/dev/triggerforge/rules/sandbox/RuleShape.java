package dev.triggerforge.rules.sandbox;

import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BehaviorDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalBranchDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.GroupByDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;

import java.util.ArrayList;
import java.util.List;

/**
 * Walks one rule's descriptors: counts its patterns (each one more join, so a cheap measure of how costly the rule
 * can get) and collects every piece of code in it (attributes, constraints, evals, {@code from} and
 * {@code accumulate} expressions, consequences) for a second scan on its own.
 */
final class RuleShape {

    private final int from;
    private final List<Fragment> fragments = new ArrayList<>();
    private int patterns;

    private RuleShape(int from) {
        this.from = from;
    }

    static RuleShape of(RuleDescr rule) {
        RuleShape shape = new RuleShape(Math.max(rule.getStartCharacter(), 0));
        for (AttributeDescr a : rule.getAttributes().values()) {
            shape.code(a.getValue(), a);
        }
        shape.walk(rule.getLhs());
        if (rule.getConsequence() instanceof String then) {
            shape.code(then, rule.getConsequenceLine());
        }
        for (Object named : rule.getNamedConsequences().values()) {
            shape.code(String.valueOf(named), rule.getConsequenceLine());
        }
        return shape;
    }

    int patterns() {
        return patterns;
    }

    List<Fragment> fragments() {
        return fragments;
    }

    private void walk(BaseDescr d) {
        if (d == null) {
            return;
        }
        if (d instanceof PatternDescr p) {
            patterns++;
            p.getDescrs().forEach(this::walk);
            for (BehaviorDescr b : p.getBehaviors()) {
                b.getParameters().forEach(param -> code(param, b));
            }
            walk(p.getSource());
        } else if (d instanceof ExprConstraintDescr e) {
            code(e.getExpression(), e);
        } else if (d instanceof EvalDescr e) {
            code(String.valueOf(e.getContent()), e);
        } else if (d instanceof FromDescr f) {
            code(f.getExpression(), f);
        } else if (d instanceof AccumulateDescr a) {
            accumulate(a);
        } else if (d instanceof CollectDescr c) {
            walk(c.getInputPattern());
        } else if (d instanceof ConditionalBranchDescr b) {
            walk(b.getCondition());
            walk(b.getElseBranch());
        } else if (d instanceof ConditionalElementDescr ce) {
            ce.getDescrs().forEach(x -> walk((BaseDescr) x));
        }
    }

    private void accumulate(AccumulateDescr a) {
        for (String code : new String[]{a.getInitCode(), a.getActionCode(), a.getReverseCode(), a.getResultCode()}) {
            code(code, a);
        }
        for (AccumulateDescr.AccumulateFunctionCallDescr f : a.getFunctions()) {
            code(f.getFunction(), a);
            for (String param : f.getParams()) {
                code(param, a);
            }
        }
        if (a instanceof GroupByDescr g) {
            code(g.getGroupingKey(), g);
            code(g.getGroupingFunction(), g);
        }
        walk(a.getInput());
    }

    private void code(String text, BaseDescr at) {
        code(text, at.getLine());
    }

    private void code(String text, int line) {
        if (text != null && !text.isBlank()) {
            fragments.add(new Fragment(text, from, Math.max(line, 1)));
        }
    }
}
