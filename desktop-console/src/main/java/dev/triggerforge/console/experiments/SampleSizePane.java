package dev.triggerforge.console.experiments;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.Locale;

/** A calculator for designing a test: sends each variant needs for a baseline rate and the smallest lift worth finding. */
final class SampleSizePane {

    private final TextField baseline = new TextField("5");
    private final TextField lift = new TextField("10");
    private final Label answer = new Label();
    private final VBox root;

    SampleSizePane() {
        baseline.setId("sample-baseline");
        lift.setId("sample-lift");
        answer.setId("sample-answer");
        answer.setWrapText(true);
        baseline.setPrefColumnCount(5);
        lift.setPrefColumnCount(5);
        baseline.textProperty().addListener((obs, old, text) -> compute());
        lift.textProperty().addListener((obs, old, text) -> compute());
        root = new VBox(6, new Label("Plan a test"),
                new HBox(6, new Label("Baseline rate %"), baseline, new Label("Smallest lift worth finding %"), lift),
                answer);
        compute();
    }

    Node node() {
        return root;
    }

    private void compute() {
        try {
            double base = Double.parseDouble(baseline.getText().trim()) / 100;
            double relative = Double.parseDouble(lift.getText().trim()) / 100;
            long n = SampleSize.forLift(base, relative);
            answer.setText(String.format(Locale.ROOT, "About %,d sends per variant to see %.2f%% become %.2f%% "
                    + "(95%% confidence, 80%% power). The server's always-valid test, safe to read daily, needs "
                    + "somewhat more.", n, base * 100, base * (1 + relative) * 100));
        } catch (RuntimeException e) {
            answer.setText("Type a baseline between 0 and 100 and a lift that keeps the rate below 100 %.");
        }
    }
}
