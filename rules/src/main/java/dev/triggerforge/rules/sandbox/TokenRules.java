package dev.triggerforge.rules.sandbox;

import java.util.List;
import java.util.Set;

/**
 * Checks every name in a file's code tokens, whatever DRL construct it sits in: forbidden names anywhere, qualified
 * names against the allow list, unqualified type names against the {@link Scope}, {@code rt} only through its API,
 * and loops that may never end. It is the sandbox's main defence and does not depend on the Drools parser.
 */
final class TokenRules {

    private static final Set<String> PACKAGE_ROOTS = Set.of("java", "javax", "jdk", "sun", "com", "org", "net",
            "io", "dev", "jakarta", "kotlin", "scala", "groovy");
    private static final Set<String> MEMBER_ACCESS = Set.of(".", "?.", ".?", "::");

    private final List<Token> t;
    private final Scope scope;
    private final Findings findings;
    private final boolean insideBody;

    private TokenRules(List<Token> tokens, Scope scope, Findings findings, boolean insideBody) {
        this.t = tokens;
        this.scope = scope;
        this.findings = findings;
        this.insideBody = insideBody;
    }

    /** Checks a whole file, or (with {@code insideBody}) the code of one consequence or function body. */
    static void check(List<Token> tokens, Scope scope, Findings findings, boolean insideBody) {
        new TokenRules(tokens, scope, findings, insideBody).run();
    }

    private void run() {
        for (int k = 0; k < t.size(); k++) {
            Token token = t.get(k);
            if (!token.isName()) {
                continue;
            }
            if (k > 0 && t.get(k - 1).kind() == Token.Kind.SYMBOL && MEMBER_ACCESS.contains(t.get(k - 1).text())) {
                forbidden(token);
            } else {
                k = chain(k);
            }
        }
    }

    /** A name and the {@code .name}s after it; returns the index of its last name. */
    private int chain(int start) {
        int end = start;
        while (end + 2 < t.size() && t.get(end + 1).is(".") && t.get(end + 2).isName()) {
            end += 2;
        }
        if (start > 0 && t.get(start - 1).is("package")) {
            return end; // the file's own package: FileScan checks it is not reserved
        }
        List<Token> names = t.subList(start, end + 1).stream().filter(Token::isName).toList();
        boolean wildcard = end + 2 < t.size() && t.get(end + 1).is(".") && t.get(end + 2).is("*");
        Token first = names.get(0);
        boolean qualified = !first.startsUpperCase() && !first.text().startsWith("$");
        if (qualified && qualified(names, wildcard) || names.stream().anyMatch(this::forbidden)) {
            return end;
        }
        boolean annotation = start > 0 && t.get(start - 1).is("@");
        if (first.text().equals(AllowedTypes.RUNTIME_GLOBAL)) {
            runtime(start, names);
        } else if (first.is("do") && start + 1 < t.size() && t.get(start + 1).is("{")) {
            findings.add(first, Reach.LOOP.reject("do { } while"));
        } else if (first.is("for") && classicFor(start)) {
            findings.add(first, Reach.LOOP.reject("for ( ; ; )"));
        } else if (first.is("new") && classBody(end + 1)) {
            findings.add(first, Reach.CLASS_BODY.reject("new ...() { ... }"));
        } else if (first.startsUpperCase()
                && !(annotation && names.size() == 1 && AllowedTypes.ANNOTATIONS.contains(first.text()))) {
            typeName(first);
        }
        return end;
    }

    private boolean forbidden(Token name) {
        Reach reach = insideBody ? ForbiddenNames.reachInBody(name.text()) : ForbiddenNames.reach(name.text());
        if (reach != null) {
            findings.add(name, reach.reject(name.text()));
            return true;
        }
        return false;
    }

    /** {@code rt} may only be declared as the global, or followed by one of its DRL methods. */
    private void runtime(int start, List<Token> names) {
        if (names.size() > 1) {
            if (!AllowedTypes.RUNTIME_API.contains(names.get(1).text())) {
                findings.add(names.get(1), "'rt." + names.get(1).text() + "' is not part of what rules may call on"
                        + " rt: use " + String.join(", ", AllowedTypes.RUNTIME_API.stream().sorted().toList()));
            }
        } else if (!declaresGlobal(start)) {
            findings.add(names.get(0), "'rt' may only be used to call its methods, as in rt.send(...): it is the"
                    + " engine's runtime, not a value to pass around");
        }
    }

    /** Whether the name at {@code at} is what a {@code global Type name} declaration declares. */
    private boolean declaresGlobal(int at) {
        int k = at - 1;
        if (k < 0 || !t.get(k).isName()) {
            return false;
        }
        while (k >= 2 && t.get(k - 1).is(".") && t.get(k - 2).isName()) {
            k -= 2;
        }
        return k >= 1 && t.get(k - 1).is("global");
    }

    /** Whether the constructor call from {@code at} on ({@code Type<...>( ... )}) is followed by a class body. */
    private boolean classBody(int at) {
        int k = at;
        while (k < t.size() && !t.get(k).is("(") && !t.get(k).is("[") && !t.get(k).is(";")) {
            k++;
        }
        if (k >= t.size() || !t.get(k).is("(")) {
            return false;
        }
        int close = closing(k);
        return close + 1 < t.size() && t.get(close + 1).is("{");
    }

    /** The index of the bracket closing the one at {@code open}, or the last token. */
    private int closing(int open) {
        int depth = 0;
        for (int k = open; k < t.size(); k++) {
            if (t.get(k).is("(")) {
                depth++;
            } else if (t.get(k).is(")") && --depth == 0) {
                return k;
            }
        }
        return t.size() - 1;
    }

    /** {@code for ( init ; condition ; step )}, as opposed to {@code for ( x : collection )}. */
    private boolean classicFor(int at) {
        if (at + 1 >= t.size() || !t.get(at + 1).is("(")) {
            return false;
        }
        int depth = 0;
        for (int k = at + 1; k < t.size(); k++) {
            Token token = t.get(k);
            if (token.is("(")) {
                depth++;
            } else if (token.is(")") && --depth == 0) {
                return false;
            } else if (token.is(";") && depth == 1) {
                return true;
            }
        }
        return false;
    }

    private void typeName(Token name) {
        String clash = scope.ownPackageClash(name.text());
        if (clash != null) {
            findings.add(name, "'" + name.text() + "' would be the server class " + clash
                    + ": put the rules in a package of their own");
        } else if (!scope.allows(name.text())) {
            findings.add(name, "'" + name.text() + "' is not a type rules may use: import it from an allowed package"
                    + " or declare it (see rule-authoring.md)");
        }
    }

    /**
     * A dotted name starting in lower case: a package and class when it reaches an upper-case part, reported whole
     * (with what its package or a forbidden part of it reaches) when the allow list refuses it.
     */
    private boolean qualified(List<Token> names, boolean wildcard) {
        int cls = 0;
        while (cls < names.size() && !names.get(cls).startsUpperCase()) {
            cls++;
        }
        String pkg = join(names.subList(0, cls));
        Token first = names.get(0);
        if (cls < names.size()) {
            String name = names.get(cls).text();
            if (!AllowedTypes.classAllowed(pkg, name)) {
                findings.add(first, reachOf(names.subList(0, cls + 1), pkg).reject(pkg + "." + name));
                return true;
            }
        } else if (wildcard && !AllowedTypes.packageAllowed(pkg)) {
            findings.add(first, "'" + pkg + ".*' is not allowed in rules: it would import classes rules may not use;"
                    + " import the classes you need one by one, e.g. java.util.List");
            return true;
        } else if (!wildcard && names.size() > 1 && PACKAGE_ROOTS.contains(first.text())) {
            findings.add(first, reachOf(names, pkg).reject(pkg));
            return true;
        }
        return false;
    }

    private static Reach reachOf(List<Token> names, String pkg) {
        return names.stream().map(n -> ForbiddenNames.reach(n.text())).filter(r -> r != null).findFirst()
                .orElse(ForbiddenNames.reachOfPackage(pkg));
    }

    private static String join(List<Token> names) {
        return String.join(".", names.stream().map(Token::text).toList());
    }
}
