package dev.triggerforge.rules.cli;

import dev.triggerforge.rules.synthetic.SyntheticConfig;
import dev.triggerforge.rules.synthetic.SyntheticTraffic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code generate}: seeded synthetic shop traffic as JSON Lines; the same seed gives the same bytes. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write synthetic customer journeys (events, and optionally profiles) as JSON Lines.")
final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--customers", required = true, paramLabel = "N", description = "Population size.")
    int customers;

    @Option(names = "--days", required = true, paramLabel = "D", description = "Length of the period.")
    int days;

    @Option(names = "--seed", required = true, paramLabel = "S", description = "Random seed.")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE.jsonl", description = "Events file to write.")
    Path out;

    @Option(names = "--profiles-out", paramLabel = "FILE.jsonl", description = "Profiles file to write.")
    Path profilesOut;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        SyntheticTraffic traffic = SyntheticTraffic.generate(SyntheticConfig.of(customers, days, seed));
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            traffic.writeEvents(w);
        }
        if (profilesOut != null) {
            try (Writer w = Files.newBufferedWriter(profilesOut, StandardCharsets.UTF_8)) {
                traffic.writeProfiles(w);
            }
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "Wrote %,d events of %,d customers over %d days to %s%s in %.1f s%n",
                traffic.events().size(), traffic.profiles().size(), days, out,
                profilesOut == null ? "" : " and their profiles to " + profilesOut, (System.nanoTime() - started) / 1e9);
        return 0;
    }
}
