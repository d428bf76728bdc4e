package dev.triggerforge.model.report;

/** A line of an input file that could not be used, with why; the run goes on without it. */
public record RejectedLine(String file, long line, String error) {
}
