package dev.triggerforge.rules.sandbox;

import org.drools.drl.ast.descr.AbstractClassTypeDeclarationDescr;
import org.drools.drl.ast.descr.AccumulateImportDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.EnumDeclarationDescr;
import org.drools.drl.ast.descr.EnumLiteralDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.ast.descr.TypeFieldDescr;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the sandbox takes from the Drools parser's descriptors of a file: the names it declares, the constructs no
 * token gives away (custom accumulate functions, traits, dialects), the size of every rule, and the code the parser
 * hands to Java or MVEL piece by piece, to be scanned again as such.
 */
final class DrlStructure {

    private static final Set<String> DIALECTS = Set.of("java", "mvel");

    private DrlStructure() {
    }

    /** The types (and enums) the file declares. */
    static Set<String> declaredTypes(PackageDescr d) {
        Set<String> names = new HashSet<>();
        d.getClassAndEnumDeclarationDescrs().forEach(type -> names.add(type.getTypeName()));
        return names;
    }

    /** Other names the file gives a meaning to: enum constants, windows, functions, rules, named consequences. */
    static Set<String> declaredWords(PackageDescr d) {
        Set<String> names = new HashSet<>();
        for (AbstractClassTypeDeclarationDescr type : d.getClassAndEnumDeclarationDescrs()) {
            if (type instanceof EnumDeclarationDescr e) {
                e.getLiterals().forEach(l -> names.add(l.getName()));
            }
        }
        d.getWindowDeclarations().forEach(w -> names.add(w.getName()));
        d.getFunctions().forEach(f -> names.add(f.getName()));
        for (RuleDescr r : d.getRules()) {
            names.add(r.getName());
            names.addAll(r.getNamedConsequences().keySet());
        }
        return names;
    }

    static void check(PackageDescr d, Findings findings) {
        for (AccumulateImportDescr a : d.getAccumulateImports()) {
            findings.add(a.getLine(), a.getColumn() + 1, "custom accumulate functions ('import accumulate') are"
                    + " Java classes of their own and are not allowed: use sum, count, min, max, average,"
                    + " collectList or collectSet");
        }
        for (TypeDeclarationDescr t : d.getTypeDeclarations()) {
            if (t.isTrait()) {
                findings.add(t.getLine(), t.getColumn() + 1, "traits are not allowed in rules: declare a plain type");
            }
        }
        d.getAttributes().forEach(a -> dialect(a, findings));
        for (RuleDescr r : d.getRules()) {
            r.getAttributes().values().forEach(a -> dialect(a, findings));
        }
    }

    private static void dialect(AttributeDescr a, Findings findings) {
        if (a.getName().equals("dialect")
                && !DIALECTS.contains(a.getValue().replace("\"", "").trim().toLowerCase(Locale.ROOT))) {
            findings.add(a.getLine(), a.getColumn() + 1, "dialect '" + a.getValue() + "' is not supported: use"
                    + " \"java\" or \"mvel\"");
        }
    }

    static List<RuleInfo> rules(PackageDescr d, List<Fragment> fragments) {
        List<RuleInfo> rules = new ArrayList<>();
        for (RuleDescr r : d.getRules()) {
            RuleShape shape = RuleShape.of(r);
            fragments.addAll(shape.fragments());
            int chars = r.getEndCharacter() >= r.getStartCharacter() ? r.getEndCharacter() - r.getStartCharacter() : 0;
            rules.add(new RuleInfo(r.getName(), r.getLine(), chars, shape.patterns()));
        }
        return rules;
    }

    /** Function bodies, field initializers and enum constant arguments. */
    static List<Fragment> declarationCode(PackageDescr d) {
        List<Fragment> fragments = new ArrayList<>();
        for (FunctionDescr f : d.getFunctions()) {
            add(fragments, f.getBody(), f.getStartCharacter(), f.getLine());
        }
        for (AbstractClassTypeDeclarationDescr type : d.getClassAndEnumDeclarationDescrs()) {
            for (TypeFieldDescr field : type.getFields().values()) {
                add(fragments, field.getInitExpr(), type.getStartCharacter(), field.getLine());
            }
            if (type instanceof EnumDeclarationDescr e) {
                for (EnumLiteralDescr literal : e.getLiterals()) {
                    literal.getConstructorArgs().forEach(arg ->
                            add(fragments, arg, type.getStartCharacter(), literal.getLine()));
                }
            }
        }
        return fragments;
    }

    private static void add(List<Fragment> fragments, String text, int from, int line) {
        if (text != null && !text.isBlank()) {
            fragments.add(new Fragment(text, Math.max(from, 0), Math.max(line, 1)));
        }
    }
}
