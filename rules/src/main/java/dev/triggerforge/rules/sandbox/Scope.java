package dev.triggerforge.rules.sandbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an unqualified upper-case name can mean in one DRL file: a type the rule set declares, another name it gives
 * a meaning to (an enum constant, a rule), a class the file imported from the allow list, a class of a package it
 * imported whole, or a class of its own package.
 */
final class Scope {

    private final Set<String> types;
    private final Set<String> words;
    private final ClassLookup classes;
    private final Set<String> imported = new HashSet<>();
    private final List<String> wholePackages = new ArrayList<>();
    private String packageName = "";

    Scope(Set<String> types, Set<String> words, ClassLookup classes) {
        this.types = types;
        this.words = words;
        this.classes = classes;
    }

    void packageName(String name) {
        packageName = name;
    }

    void importClass(String simpleName) {
        imported.add(simpleName);
    }

    void importPackage(String pkg) {
        wholePackages.add(pkg);
    }

    /**
     * Whether the name is an allowed type, a declared one, or a word of the rule set that no class of java.lang
     * (imported everywhere) or MVEL's built-in names could stand for.
     */
    boolean allows(String name) {
        return types.contains(name) || imported.contains(name) || AllowedTypes.simpleNameAllowed(name)
                || AllowedTypes.DRL_WORDS.contains(name)
                || words.contains(name) && !classes.exists("java.lang." + name)
                || wholePackages.stream().anyMatch(p -> classes.exists(p + "." + name));
    }

    /**
     * The class of the file's own package the name would resolve to (Java prefers it to java.lang, and Drools
     * would take a declaration of it as new metadata for it), when the allow list refuses that class.
     */
    String ownPackageClash(String name) {
        String candidate = packageName.isEmpty() ? name : packageName + "." + name;
        if (AllowedTypes.classAllowed(packageName, name) || !classes.exists(candidate)) {
            return null;
        }
        return candidate;
    }
}
