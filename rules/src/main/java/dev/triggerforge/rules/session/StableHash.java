package dev.triggerforge.rules.session;

import java.nio.charset.StandardCharsets;

/**
 * The one 64-bit string hash every node must agree on: which partition owns a customer, which variant a customer
 * gets, and the compact keys of seen event ids and past sends. Changing it reshuffles all of them.
 */
public final class StableHash {

    private StableHash() {
    }

    /** 64-bit FNV-1a over UTF-8, finished with the SplitMix64 mixer so nearby ids spread evenly. */
    public static long of(String key) {
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
