package dev.triggerforge.rules.sandbox;

import dev.triggerforge.model.ruleset.DrlSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps DRL inside the model before Drools compiles it into the server: a file that names anything outside the
 * allow list (the process, threads, reflection, files, the network, the engine itself...) or uses a loop or recursion
 * that may never end is reported, located at its file, line and column, and must not be built.
 *
 * <p>Conservative by design: it checks every name in the code, with no type inference, so exotic but harmless code
 * may be refused; code that reaches outside is not let through. See docs/rule-authoring.md for what DRL may use.
 */
public final class DrlSandbox {

    private final int maxNesting;

    /** @param maxNesting how deep brackets may nest in a file */
    public DrlSandbox(int maxNesting) {
        this.maxNesting = maxNesting;
    }

    /** Checks the DRL files of one rule set together (they share declared types and functions). */
    public List<SandboxReport> check(List<DrlSource> files) {
        List<FileScan> scans = files.stream().map(f -> FileScan.read(f, maxNesting)).toList();
        Set<String> types = new HashSet<>();
        Set<String> words = new HashSet<>();
        List<Recursion.Function> functions = new ArrayList<>();
        for (FileScan scan : scans) {
            types.addAll(scan.declaredTypes());
            words.addAll(scan.declaredWords());
            functions.addAll(scan.functions());
        }
        Recursion.check(functions);
        ClassLookup classes = new ClassLookup();
        List<SandboxReport> reports = new ArrayList<>();
        for (FileScan scan : scans) {
            scan.check(types, words, classes);
            reports.add(scan.report());
        }
        return reports;
    }
}
