package dev.triggerforge.rules.cli;

import dev.triggerforge.rules.compile.RuleSetRejectedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;

/**
 * The command line of the rules module: simulate a rule set on events, generate synthetic traffic, compare two
 * rule sets, and estimate from recorded sends what always sending one variant would earn. Exits 0 on success and 2 on a user's mistake (bad arguments, unreadable files, rules that do not
 * compile), printing what is wrong and never a stack trace.
 */
@Command(name = "triggerforge", mixinStandardHelpOptions = true, version = "TriggerForge 0.1.0",
        description = "Simulate trigger rules on recorded or synthetic customer events.",
        subcommands = {SimulateCommand.class, GenerateCommand.class, DiffCommand.class,
                OffPolicyCommand.class})
public final class TriggerForgeCli implements Runnable {

    public static final int USER_ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new TriggerForgeCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter to = commandLine.getErr();
            if (e instanceof RuleSetRejectedException rejected) {
                to.println("The rule set does not compile:");
                rejected.errors().forEach(error -> to.println("  " + error));
                return USER_ERROR;
            }
            if (e instanceof NoSuchFileException missing) {
                to.println("No such file: " + missing.getFile());
                return USER_ERROR;
            }
            if (e instanceof IOException io) {
                to.println("Cannot read or write a file: " + io.getMessage());
                return USER_ERROR;
            }
            if (e instanceof IllegalArgumentException bad) {
                to.println(bad.getMessage());
                return USER_ERROR;
            }
            throw e;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
