package dev.triggerforge.rules.simulation;

/** Told how far a run has got, from the partitions' threads; implementations must be thread-safe. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (processed, total) -> {
    };

    void onProgress(long processed, long total);
}
