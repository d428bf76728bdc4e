package dev.triggerforge.rules.compile;

import java.time.Duration;
import java.util.Objects;

/**
 * How much a rule set may ask of the server that compiles it: sizes checked before anything is parsed, shapes checked
 * on the parsed rules, and how long the compilation may take. A rule set over any limit is rejected with a
 * {@link CompileError} naming the limit.
 *
 * @param maxTotalBytes      UTF-8 size of all DRL together, hand-written and generated from trigger specs
 * @param maxFiles           number of hand-written DRL files
 * @param maxRules           rules and queries, including the ones generated from trigger specs
 * @param maxRuleCharacters  length of one rule, from {@code rule} to {@code end}
 * @param maxPatterns        patterns one rule joins (each one multiplies what the rule may have to match)
 * @param maxNesting         depth of nested brackets in a file
 * @param compileTimeout     how long parsing, checking and building may take together
 */
public record CompileLimits(long maxTotalBytes, int maxFiles, int maxRules, int maxRuleCharacters, int maxPatterns,
                            int maxNesting, Duration compileTimeout) {

    public static final CompileLimits DEFAULTS =
            new CompileLimits(1024 * 1024, 200, 2000, 20_000, 20, 24, Duration.ofSeconds(30));

    public CompileLimits {
        Objects.requireNonNull(compileTimeout, "compileTimeout");
        if (maxTotalBytes <= 0 || maxFiles <= 0 || maxRules <= 0 || maxRuleCharacters <= 0 || maxPatterns <= 0
                || maxNesting <= 0 || compileTimeout.isNegative() || compileTimeout.isZero()) {
            throw new IllegalArgumentException("every compile limit must be positive: " + this);
        }
    }

    public CompileLimits withMaxTotalBytes(long bytes) {
        return new CompileLimits(bytes, maxFiles, maxRules, maxRuleCharacters, maxPatterns, maxNesting,
                compileTimeout);
    }

    public CompileLimits withMaxFiles(int files) {
        return new CompileLimits(maxTotalBytes, files, maxRules, maxRuleCharacters, maxPatterns, maxNesting,
                compileTimeout);
    }

    public CompileLimits withMaxRules(int rules) {
        return new CompileLimits(maxTotalBytes, maxFiles, rules, maxRuleCharacters, maxPatterns, maxNesting,
                compileTimeout);
    }

    public CompileLimits withMaxRuleCharacters(int characters) {
        return new CompileLimits(maxTotalBytes, maxFiles, maxRules, characters, maxPatterns, maxNesting,
                compileTimeout);
    }

    public CompileLimits withMaxPatterns(int patterns) {
        return new CompileLimits(maxTotalBytes, maxFiles, maxRules, maxRuleCharacters, patterns, maxNesting,
                compileTimeout);
    }

    public CompileLimits withMaxNesting(int nesting) {
        return new CompileLimits(maxTotalBytes, maxFiles, maxRules, maxRuleCharacters, maxPatterns, nesting,
                compileTimeout);
    }

    public CompileLimits withCompileTimeout(Duration timeout) {
        return new CompileLimits(maxTotalBytes, maxFiles, maxRules, maxRuleCharacters, maxPatterns, maxNesting,
                timeout);
    }
}
