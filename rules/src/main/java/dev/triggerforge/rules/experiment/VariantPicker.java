package dev.triggerforge.rules.experiment;

import dev.triggerforge.model.trigger.Variant;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Sticky, deterministic variant assignment: the same (experiment, customer) pair always lands in the same variant,
 * in the simulator and on every server, without storing anything.
 */
public final class VariantPicker {

    private VariantPicker() {
    }

    /** The variant for the customer, or null when there are no variants (or all weights are zero). */
    public static Variant pick(String experimentId, String customerId, List<Variant> variants) {
        int total = variants.stream().mapToInt(Variant::weight).sum();
        if (total <= 0) {
            return null;
        }
        long bucket = Long.remainderUnsigned(stableHash(experimentId + '\u0000' + customerId), total);
        for (Variant v : variants) {
            bucket -= v.weight();
            if (bucket < 0) {
                return v;
            }
        }
        throw new IllegalStateException("unreachable: bucket beyond total weight");
    }

    /** 64-bit FNV-1a over UTF-8, finished with the SplitMix64 mixer so nearby ids spread evenly. */
    public static long stableHash(String key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
