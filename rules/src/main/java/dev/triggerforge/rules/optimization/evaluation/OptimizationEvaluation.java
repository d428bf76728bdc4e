package dev.triggerforge.rules.optimization.evaluation;

import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.model.ruleset.GuardrailSettings;
import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.rules.compile.CompiledRuleSet;
import dev.triggerforge.rules.compile.RuleSetCompiler;
import dev.triggerforge.rules.compile.RuleSetRejectedException;
import dev.triggerforge.rules.guardrail.QuietHours;
import dev.triggerforge.rules.optimization.OptimizationSettings;
import dev.triggerforge.rules.simulation.SimulationOptions;
import dev.triggerforge.rules.simulation.SimulationRun;
import dev.triggerforge.rules.simulation.Simulator;
import dev.triggerforge.rules.synthetic.SyntheticConfig;
import dev.triggerforge.rules.synthetic.SyntheticTraffic;

import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs the real simulator on the same synthetic shoppers with the evaluated trigger as it is and with the adaptive
 * models switched on, and scores every run against the customers' hidden preferences, so a marketer sees what the
 * switch would earn, and whether the models learn the right things, before switching it on in production.
 *
 * <p>Customers come from {@link SyntheticTraffic} and answer with {@link HiddenPreferences}: German-speaking
 * customers click variant {@code b} most, everyone else {@code a}. Every arm uses the default guardrails (quiet hours
 * 21:00-08:00) and, unless the settings say otherwise, the default learning settings (one-hour periods, 24-hour
 * reward window).
 */
public final class OptimizationEvaluation {

    /** The hidden best variant of German-speaking customers; everyone else's is {@link #USUAL_BEST}. */
    public static final Map<String, String> BEST_BY_LANGUAGE = Map.of("de", "b");
    public static final String USUAL_BEST = "a";
    private static final double CONFIDENCE = 0.95;

    /**
     * What to simulate.
     *
     * @param customers  synthetic shoppers
     * @param days       of traffic
     * @param seed       of the traffic and of the hidden preferences
     * @param partitions   sessions the simulator runs side by side
     * @param optimization how the adaptive triggers learn
     */
    public record Settings(int customers, int days, long seed, int partitions, OptimizationSettings optimization) {

        /** 5,000 shoppers over four weeks, on two partitions, learning with the default settings. */
        public static final Settings DEFAULTS = new Settings(5_000, 28, 17, 2, OptimizationSettings.DEFAULTS);

        /** Settings with the default learning. */
        public Settings(int customers, int days, long seed, int partitions) {
            this(customers, days, seed, partitions, OptimizationSettings.DEFAULTS);
        }

        public Settings withPartitions(int count) {
            return new Settings(customers, days, seed, count, optimization);
        }

        public Settings withOptimization(OptimizationSettings learning) {
            return new Settings(customers, days, seed, partitions, learning);
        }
    }

    /** One arm: its raw simulation and its score. */
    public record ArmRun(EvaluationArm arm, SimulationRun run, ArmScore score) {
    }

    /** Every arm run, with what they ran on. */
    public record Result(Settings settings, List<CustomerProfile> profiles, HiddenPreferences hidden,
                         GuardrailSettings guardrails, Map<EvaluationArm, ArmRun> arms) {

        public ArmRun arm(EvaluationArm arm) {
            return arms.get(arm);
        }
    }

    private OptimizationEvaluation() {
    }

    /** Runs the given arms (the baseline always, since the others are compared with it). */
    public static Result run(Settings settings, Set<EvaluationArm> arms) throws InterruptedException {
        SyntheticTraffic traffic = SyntheticTraffic.generate(SyntheticConfig.of(settings.customers(), settings.days(),
                settings.seed()));
        HiddenPreferences hidden = new HiddenPreferences(settings.seed(), traffic.profiles(), BEST_BY_LANGUAGE,
                USUAL_BEST);
        Map<String, ZoneId> zones = new HashMap<>();
        traffic.profiles().forEach(p -> zones.put(p.customerId(), p.zone()));
        GuardrailSettings guardrails = GuardrailSettings.DEFAULTS;
        QuietHours quiet = new QuietHours(guardrails.quietStart(), guardrails.quietEnd());
        SimulationOptions defaults = SimulationOptions.defaults();
        SimulationOptions options = new SimulationOptions(settings.partitions(), null, Set.of(), hidden,
                defaults.session().withOptimization(settings.optimization()), defaults.attributionWindow(),
                defaults.conflictWindow(), defaults.confidence(), defaults.progress());
        Map<EvaluationArm, ArmRun> runs = new EnumMap<>(EvaluationArm.class);
        ArmScore baseline = null;
        for (EvaluationArm arm : EvaluationArm.values()) {
            if (arm != EvaluationArm.BASELINE && !arms.contains(arm)) {
                continue;
            }
            SimulationRun run = new Simulator(compile(arm, guardrails), options)
                    .run(traffic.events(), traffic.profiles());
            ArmScore score = ArmScore.of(run, hidden, zones::get, quiet, baseline, CONFIDENCE);
            if (arm == EvaluationArm.BASELINE) {
                baseline = score;
            }
            runs.put(arm, new ArmRun(arm, run, score));
        }
        return new Result(settings, traffic.profiles(), hidden, guardrails, runs);
    }

    /** Prints the markdown table of all four arms with the default settings. */
    public static void main(String[] args) throws InterruptedException {
        Result result = run(Settings.DEFAULTS, Set.of(EvaluationArm.values()));
        System.out.println(EvaluationTable.markdown(result));
    }

    private static CompiledRuleSet compile(EvaluationArm arm, GuardrailSettings guardrails) {
        try {
            return new RuleSetCompiler().compile(new RuleSet("evaluation-" + arm.name().toLowerCase(Locale.ROOT),
                    List.of(), List.of(arm.trigger()), guardrails));
        } catch (RuleSetRejectedException e) {
            throw new IllegalStateException("the evaluated trigger does not compile: " + e.getMessage(), e);
        }
    }
}
