package dev.triggerforge.rules.synthetic;

/** Cheap deterministic ids and seeds, so generating a million events spends no time in String.format or hashing. */
final class Ids {

    private Ids() {
    }

    /** {@code value} in decimal, left-padded with zeros to {@code width} digits. */
    static String zeroPadded(long value, int width) {
        String digits = Long.toString(value);
        if (digits.length() >= width) {
            return digits;
        }
        StringBuilder sb = new StringBuilder(width);
        for (int i = digits.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(digits).toString();
    }

    /** A well-spread seed for stream {@code index} of a run seeded with {@code seed} (SplitMix64 finaliser). */
    static long derive(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + (index + 1) * 0xD1B54A32D192ED03L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
