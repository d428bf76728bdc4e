package dev.triggerforge.rules.sandbox;

import dev.triggerforge.rules.compile.CompileError;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.ParserError;

import java.util.ArrayList;
import java.util.List;

/**
 * A DRL file as the Drools parser reads it (the parser the build itself uses), with its syntax errors located like
 * the build's; the descriptors are only kept when the file parsed cleanly, since Drools builds nothing from a file
 * that did not.
 */
record ParsedDrl(PackageDescr descr, List<CompileError> errors) {

    static ParsedDrl parse(String source, String drl) {
        DrlParser parser = new DrlParser();
        List<CompileError> errors = new ArrayList<>();
        PackageDescr descr;
        try {
            descr = parser.parse(false, drl);
        } catch (DroolsParserException e) {
            descr = null;
            errors.add(new CompileError(source, Math.max(e.getLineNumber(), 0), 0, flat(e.getMessage())));
        } catch (StackOverflowError e) {
            descr = null;
            errors.add(new CompileError(source, 0, 0, "this file is too deeply nested to be read: simplify it"));
        }
        for (DroolsError e : parser.getErrors()) {
            if (e instanceof ParserError p) {
                errors.add(new CompileError(source, p.getRow(), p.getRow() > 0 ? p.getCol() + 1 : 0,
                        flat(p.getMessage())));
            } else {
                int[] lines = e.getLines();
                errors.add(new CompileError(source, lines.length > 0 ? Math.max(lines[0], 0) : 0, 0,
                        flat(e.getMessage())));
            }
        }
        return new ParsedDrl(errors.isEmpty() ? descr : null, List.copyOf(errors));
    }

    private static String flat(String message) {
        return message == null ? "syntax error" : message.replaceAll("\\s+", " ").trim();
    }
}
