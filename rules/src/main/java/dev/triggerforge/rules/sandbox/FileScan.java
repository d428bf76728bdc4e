package dev.triggerforge.rules.sandbox;

import dev.triggerforge.model.ruleset.DrlSource;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.PackageDescr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One DRL file through the sandbox: lexed and parsed first, so the whole rule set's declared names are known, then
 * checked token by token, structure by structure, and each piece of code the parser cut out scanned again.
 */
final class FileScan {

    private static final Set<String> IMPORT_KINDS = Set.of("function", "accumulate", "static");
    private static final Set<String> DECLARE_KINDS = Set.of("enum", "trait", "window");

    private final DrlSource file;
    private final Findings findings;
    private final List<Token> tokens;
    private final ParsedDrl parsed;
    private final List<Fragment> fragments = new ArrayList<>();
    private final List<RuleInfo> rules = new ArrayList<>();

    private FileScan(DrlSource file, Findings findings, List<Token> tokens, ParsedDrl parsed) {
        this.file = file;
        this.findings = findings;
        this.tokens = tokens;
        this.parsed = parsed;
        PackageDescr descr = parsed.descr();
        if (descr != null) {
            rules.addAll(DrlStructure.rules(descr, fragments));
            fragments.addAll(DrlStructure.declarationCode(descr));
        }
    }

    /** Lexes the file and, unless it is nested deeper than {@code maxNesting}, parses it. */
    static FileScan read(DrlSource file, int maxNesting) {
        Findings findings = new Findings(file.name());
        List<Token> tokens = DrlLexer.lex(file.content(), findings);
        boolean tooDeep = Nesting.tooDeep(tokens, maxNesting, findings);
        ParsedDrl parsed = tooDeep ? new ParsedDrl(null, List.of()) : ParsedDrl.parse(file.name(), file.content());
        return new FileScan(file, findings, tokens, parsed);
    }

    /** The types the file declares, from its tokens as well so that a file that does not parse still counts. */
    Set<String> declaredTypes() {
        Set<String> names = new HashSet<>();
        for (int k = 0; k + 1 < tokens.size(); k++) {
            if (tokens.get(k).is("declare")) {
                int at = k + 1;
                while (at + 1 < tokens.size() && DECLARE_KINDS.contains(tokens.get(at).text())) {
                    at++;
                }
                names.add(tokens.get(at).text());
            }
        }
        if (parsed.descr() != null) {
            names.addAll(DrlStructure.declaredTypes(parsed.descr()));
        }
        return names;
    }

    Set<String> declaredWords() {
        return parsed.descr() == null ? Set.of() : DrlStructure.declaredWords(parsed.descr());
    }

    List<Recursion.Function> functions() {
        List<Recursion.Function> functions = new ArrayList<>();
        if (parsed.descr() != null) {
            for (FunctionDescr f : parsed.descr().getFunctions()) {
                functions.add(new Recursion.Function(f.getName(), findings, f.getLine(), f.getColumn() + 1,
                        Calls.in(f.getBody())));
            }
        }
        return functions;
    }

    void check(Set<String> types, Set<String> words, ClassLookup classes) {
        Scope scope = scope(types, words, classes);
        TokenRules.check(tokens, scope, findings, false);
        if (parsed.descr() != null) {
            DrlStructure.check(parsed.descr(), findings);
        }
        Position position = new Position(file.content(), 1, 1);
        for (Fragment f : fragments) {
            int at = file.content().indexOf(f.text(), f.from());
            List<Token> code = at >= 0
                    ? DrlLexer.lex(f.text(), findings, position.line(at), position.column(at))
                    : DrlLexer.lex(f.text(), findings, f.line(), 1);
            TokenRules.check(code, scope, findings, true);
        }
    }

    /** The file's package (refused if reserved) and imports, read from its tokens so a parse error hides none. */
    private Scope scope(Set<String> types, Set<String> words, ClassLookup classes) {
        Scope scope = new Scope(types, words, classes);
        scope.packageName("defaultpkg");
        for (int k = 0; k + 1 < tokens.size(); k++) {
            if (tokens.get(k).is("package") && tokens.get(k + 1).isName()) {
                String name = dotted(k + 1);
                scope.packageName(name);
                if (AllowedTypes.packageReserved(name)) {
                    findings.add(tokens.get(k + 1), "package '" + name + "' belongs to the server or a library:"
                            + " put the rules in a package of their own, e.g. shop.rules");
                }
            } else if (tokens.get(k).is("import")) {
                int at = IMPORT_KINDS.contains(tokens.get(k + 1).text()) ? k + 2 : k + 1;
                if (at < tokens.size() && tokens.get(at).isName()) {
                    imported(scope, dotted(at));
                }
            }
        }
        return scope;
    }

    private static void imported(Scope scope, String target) {
        String[] parts = target.split("\\.");
        int cls = 0;
        while (cls < parts.length && !Character.isUpperCase(parts[cls].charAt(0))) {
            cls++;
        }
        String pkg = String.join(".", Arrays.asList(parts).subList(0, cls));
        if (cls == parts.length && AllowedTypes.packageAllowed(pkg)) {
            scope.importPackage(pkg);
        } else if (cls < parts.length && AllowedTypes.classAllowed(pkg, parts[cls])) {
            scope.importClass(parts[parts.length - 1]);
        }
    }

    /** The dotted name starting at token {@code k}. */
    private String dotted(int k) {
        StringBuilder name = new StringBuilder(tokens.get(k).text());
        while (k + 2 < tokens.size() && tokens.get(k + 1).is(".") && tokens.get(k + 2).isName()) {
            k += 2;
            name.append('.').append(tokens.get(k).text());
        }
        return name.toString();
    }

    SandboxReport report() {
        return new SandboxReport(file, findings.errors(), parsed.errors(), List.copyOf(rules));
    }
}
