package dev.triggerforge.rules.cli;

import dev.triggerforge.rules.simulation.ProgressListener;

import java.io.PrintWriter;

/**
 * Shows how far a simulation has got on the error stream: a bar redrawn in place on a terminal, a line per tenth
 * otherwise (so logs stay readable).
 */
final class ProgressBar implements ProgressListener {

    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final boolean terminal;
    private long lastDrawn;
    private int lastTenth = -1;

    ProgressBar(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public synchronized void onProgress(long processed, long total) {
        if (total <= 0) {
            return;
        }
        int percent = (int) Math.min(100, processed * 100 / total);
        if (terminal) {
            long now = System.nanoTime();
            if (now - lastDrawn < 200_000_000L && processed < total) {
                return;
            }
            lastDrawn = now;
            int filled = percent * WIDTH / 100;
            out.printf("\r[%s%s] %3d%% %,d/%,d events", "#".repeat(filled), " ".repeat(WIDTH - filled), percent,
                    processed, total);
            if (processed >= total) {
                out.println();
            }
            out.flush();
        } else if (percent / 10 > lastTenth) {
            lastTenth = percent / 10;
            out.printf("%d%% of %,d events%n", lastTenth * 10, total);
            out.flush();
        }
    }
}
