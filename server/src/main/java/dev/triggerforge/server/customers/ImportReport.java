package dev.triggerforge.server.customers;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * What an import did: how many lines changed a profile, changed nothing, had values refused as stale (a newer value
 * was already known) or could not be used, and the details of the lines that did something (the first
 * {@link #DETAIL_LIMIT}).
 */
public record ImportReport(int lines, int changed, int unchanged, int withStaleValues, int rejected,
                           List<LineResult> details, boolean detailsTruncated) {

    static final int DETAIL_LIMIT = 500;

    /** One line's outcome: the values it changed and refused, or its error. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record LineResult(int line, String customerId, List<String> changed, List<String> stale, String error) {
    }
}
