package dev.triggerforge.console.experiments;

import dev.triggerforge.model.experiment.ExperimentSettings;
import dev.triggerforge.model.experiment.Metric;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

import java.time.Duration;
import java.util.Locale;
import java.util.function.BiConsumer;

/** The selected experiment's judging settings as a small form whose Apply hands them to the server. */
final class SettingsPane {

    private final ChoiceBox<Metric> metric = new ChoiceBox<>();
    private final TextField window = new TextField();
    private final TextField confidence = new TextField();
    private final TextField minimumSample = new TextField();
    private final TextField margin = new TextField();
    private final CheckBox autoPromote = new CheckBox("Promote a winner automatically");
    private final Button apply = new Button("Apply settings");
    private final GridPane root = new GridPane();

    SettingsPane(BiConsumer<ExperimentSettings, Boolean> onApply, Runnable onInvalid) {
        metric.getItems().setAll(Metric.values());
        metric.setId("experiment-metric");
        minimumSample.setId("experiment-minimum-sample");
        autoPromote.setId("experiment-auto-promote");
        apply.setId("experiment-apply-settings");
        for (TextField f : new TextField[] {window, confidence, minimumSample, margin}) {
            f.setPrefColumnCount(8);
        }
        root.setHgap(8);
        root.setVgap(6);
        root.addRow(0, new Label("Primary metric"), metric, new Label("Attribution window"), window);
        root.addRow(1, new Label("Confidence"), confidence, new Label("Minimum sends per variant"), minimumSample);
        root.addRow(2, new Label("No-difference margin (points)"), margin, autoPromote, apply);
        apply.setOnAction(e -> {
            try {
                onApply.accept(settings(), autoPromote.isSelected());
            } catch (RuntimeException invalid) {
                onInvalid.run();
            }
        });
        show(null);
    }

    Node node() {
        return root;
    }

    void show(ExperimentRow row) {
        root.setDisable(row == null);
        ExperimentSettings s = row == null ? ExperimentSettings.DEFAULTS : row.settings();
        metric.setValue(s.primaryMetric());
        window.setText(s.attributionWindow().toString());
        confidence.setText(Double.toString(s.confidence()));
        minimumSample.setText(Long.toString(s.minimumSample()));
        margin.setText(String.format(Locale.ROOT, "%.2f", s.equivalenceMargin() * 100));
        autoPromote.setSelected(row != null && row.autoPromote());
    }

    /** The typed settings; throws when a field does not read (a window that is not an ISO duration). */
    ExperimentSettings settings() {
        return new ExperimentSettings(Duration.parse(window.getText().trim()),
                Double.parseDouble(confidence.getText().trim()), metric.getValue(),
                Long.parseLong(minimumSample.getText().trim()), Double.parseDouble(margin.getText().trim()) / 100);
    }
}
