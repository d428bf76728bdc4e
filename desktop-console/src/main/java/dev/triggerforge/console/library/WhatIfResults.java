package dev.triggerforge.console.library;

import dev.triggerforge.console.simulation.Columns;
import dev.triggerforge.model.report.Conflict;
import dev.triggerforge.model.report.ReportedSend;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.stream.Collectors;

/** A what-if's results: sends per rule before and after with the difference, and the candidate's overlaps. */
final class WhatIfResults {

    private final Label summary = new Label("Run a what-if to compare the working copy with the active version.");
    private final TableView<WhatIfOutcome.RuleSends> perRule = new TableView<>();
    private final TableView<Conflict> overlaps = new TableView<>();
    private final Label overlapTitle = new Label("Overlaps");
    private final VBox root;

    WhatIfResults() {
        summary.setId("whatif-summary");
        summary.setWrapText(true);
        perRule.setId("whatif-rules");
        overlaps.setId("whatif-overlaps");
        overlapTitle.setId("whatif-overlap-title");
        perRule.getColumns().add(Columns.of("Rule", WhatIfOutcome.RuleSends::ruleId, 200));
        perRule.getColumns().add(Columns.of("Sends (active)", WhatIfOutcome.RuleSends::baseline, 110));
        perRule.getColumns().add(Columns.of("Sends (working copy)", WhatIfOutcome.RuleSends::candidate, 140));
        perRule.getColumns().add(Columns.of("Difference", r -> DryRunText.signed(r.difference()), 100));
        perRule.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        perRule.setPrefHeight(180);
        overlaps.getColumns().add(Columns.of("Customer", Conflict::customerId, 140));
        overlaps.getColumns().add(Columns.of("Rules", WhatIfResults::rules, 260));
        overlaps.getColumns().add(Columns.time("First send (UTC)", c -> c.sends().get(0).sendAt(), 140));
        overlaps.getColumns().add(Columns.of("Emails", c -> c.sends().size(), 60));
        overlaps.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(overlaps, Priority.ALWAYS);
        root = new VBox(6, summary, perRule, overlapTitle, overlaps);
        root.setPadding(new Insets(8));
    }

    Node node() {
        return root;
    }

    void clear() {
        perRule.getItems().clear();
        overlaps.getItems().clear();
    }

    void show(WhatIfOutcome outcome) {
        perRule.getItems().setAll(outcome.perRule());
        overlaps.getItems().setAll(outcome.overlaps());
        summary.setText(outcome.baseline() + ": " + outcome.difference().baselineSends() + " sends; working copy: "
                + outcome.difference().candidateSends() + " sends. " + outcome.difference().added().size()
                + " sends only the working copy makes, " + outcome.difference().removed().size()
                + " only the active version makes, " + outcome.difference().moved().size() + " at another time.");
        overlapTitle.setText("Overlaps: " + outcome.overlaps().size() + " times a customer would get emails from"
                + " several rules close together (working copy)");
    }

    private static String rules(Conflict conflict) {
        return conflict.sends().stream().map(ReportedSend::ruleId).distinct().collect(Collectors.joining(", "));
    }
}
