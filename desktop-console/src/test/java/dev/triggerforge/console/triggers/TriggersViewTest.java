package dev.triggerforge.console.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triggerforge.console.ConsoleFixture;
import dev.triggerforge.console.Fx;
import dev.triggerforge.model.json.Json;
import dev.triggerforge.model.trigger.AllocationMode;
import dev.triggerforge.model.trigger.TriggerSpec;
import dev.triggerforge.rules.library.TriggerLibrary;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The guided editor rebuilds the selected trigger spec from its form, previews it as JSON and checks the set live. */
@ExtendWith(ApplicationExtension.class)
class TriggersViewTest {

    @TempDir
    Path drafts;

    private ListView<TriggerSpec> list;
    private TextField waitField;
    private TextArea json;
    private ListView<String> problems;
    private Label state;

    @Start
    void start(Stage stage) {
        ConsoleFixture.open(stage, drafts);
    }

    @BeforeEach
    @SuppressWarnings("unchecked")
    void open(FxRobot robot) {
        robot.clickOn("#check-state");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        Fx.await("Ctrl+3 to show Triggers", () -> robot.lookup("#trigger-list").tryQuery().isPresent());
        list = robot.lookup("#trigger-list").queryAs(ListView.class);
        waitField = robot.lookup("#trigger-wait").queryAs(TextField.class);
        json = robot.lookup("#trigger-json").queryAs(TextArea.class);
        problems = robot.lookup("#trigger-problems").queryAs(ListView.class);
        state = robot.lookup("#triggers-status").queryAs(Label.class);
        Fx.await("the library to be checked", () -> !state.getText().equals("Checking…"));
        assertThat(Fx.on(state::getText)).as("problems: %s", Fx.on(() -> List.copyOf(problems.getItems())))
                .isEqualTo("Valid");
    }

    @Test
    void ctrl3OpensTheLibrarysFourTriggersWithTheFirstSelected() {
        assertThat(Fx.on(() -> list.getItems().stream().map(TriggerSpec::id).toList()))
                .isEqualTo(TriggerLibrary.IDS);
        assertThat(Fx.on(() -> list.getSelectionModel().getSelectedItem().id())).isEqualTo("cart-abandonment");
        assertThat(preview().get("id").asText()).isEqualTo("cart-abandonment");
        assertThat(Fx.on(() -> List.copyOf(problems.getItems()))).isEmpty();
    }

    @Test
    void aNewWaitIsInThePreviewAndTheEditedSpec(FxRobot robot) {
        robot.interact(() -> waitField.setText("PT45M"));

        assertThat(preview().get("wait").asText()).isEqualTo("PT45M");
        assertThat(Fx.on(() -> list.getItems().get(0).waitDuration())).isEqualTo(Duration.ofMinutes(45));
        assertThat(preview().get("templateId").asText()).isEqualTo("cart-abandonment");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSavedSetComesBackWithItsEdits(FxRobot robot) throws Exception {
        robot.interact(() -> waitField.setText("PT45M"));
        robot.interact(() -> robot.lookup("#set-name").queryAs(TextField.class).setText("longer-wait"));
        robot.clickOn("#save-set");
        Path file = drafts.resolve("rule-sets/longer-wait.json");
        assertThat(Files.readString(file)).contains("\"wait\" : \"PT45M\"").contains("\"frequencyCap\" : 2");

        robot.interact(() -> waitField.setText("PT10M"));
        assertThat(Fx.on(() -> list.getItems().get(0).waitDuration())).isEqualTo(Duration.ofMinutes(10));
        robot.interact(() -> robot.lookup("#saved-sets").queryAs(ComboBox.class).setValue("longer-wait"));
        robot.clickOn("#open-set");

        Fx.await("the saved set to be back", () -> list.getItems().get(0).waitDuration()
                .equals(Duration.ofMinutes(45)));
        assertThat(robot.lookup("#set-message").queryAs(Label.class).getText()).isEqualTo("Opened longer-wait.json");
    }

    @Test
    void aWaitBeyondNinetyDaysIsReportedAndClearedWhenFixed(FxRobot robot) {
        robot.interact(() -> waitField.setText("P200D"));

        awaitState("the long wait to be reported", "1 problem");
        assertThat(Fx.on(() -> List.copyOf(problems.getItems())))
                .singleElement().asString().startsWith("wait:").contains("P90D");

        robot.interact(() -> waitField.setText("PT30M"));
        awaitState("the fixed wait to be checked", "Valid");
        assertThat(Fx.on(() -> List.copyOf(problems.getItems()))).isEmpty();
    }

    @Test
    void textThatIsNotADurationIsReportedWithoutACheck(FxRobot robot) {
        robot.interact(() -> waitField.setText("soon"));

        awaitState("the unreadable wait to be reported", "1 problem");
        assertThat(Fx.on(() -> List.copyOf(problems.getItems())))
                .singleElement().asString().startsWith("wait:").contains("soon");
    }

    @Test
    void aQuietHourThatIsNotATimeIsNamedAndClearedWhenFixed(FxRobot robot) {
        TextField quietStart = robot.lookup("#guardrail-quiet-start").queryAs(TextField.class);
        robot.interact(() -> quietStart.setText("9pm"));
        assertThat(Fx.on(() -> List.copyOf(problems.getItems())))
                .singleElement().asString().startsWith("guardrails: quiet from").contains("9pm");
        assertThat(state.getText()).isEqualTo("1 problem");

        robot.interact(() -> quietStart.setText("22:00"));
        awaitState("the fixed time to clear the problem", "Valid");
    }

    @Test
    void twoVariantsWithAdaptiveAllocationAreValid(FxRobot robot) {
        robot.clickOn("#add-variant").clickOn("#add-variant");
        choose(robot, AllocationMode.ADAPTIVE);

        Fx.await("the adaptive spec to be checked", () -> state.getText().equals("Valid")
                && list.getItems().get(0).isAdaptive());
        JsonNode spec = preview();
        assertThat(spec.get("allocation").asText()).isEqualTo("adaptive");
        assertThat(spec.get("variants")).hasSize(2);
        assertThat(spec.get("variants").get(1).get("id").asText()).isEqualTo("b");
        assertThat(Fx.on(() -> List.copyOf(problems.getItems()))).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void adaptiveWithOneSendingVariantIsAnAllocationError(FxRobot robot) {
        robot.clickOn("#add-variant").clickOn("#add-variant");
        TableView<VariantRow> variants = robot.lookup("#variants").queryAs(TableView.class);
        robot.interact(() -> variants.getItems().get(1).holdoutProperty().set(true));
        choose(robot, AllocationMode.ADAPTIVE);

        awaitState("the allocation error", "1 problem");
        assertThat(Fx.on(() -> List.copyOf(problems.getItems())))
                .singleElement().asString().startsWith("allocation:");
        assertThat(preview().get("variants").get(1).get("holdout").asBoolean()).isTrue();
    }

    /** Waits for the status to read {@code expected}; a timeout names what it said instead. */
    private void awaitState(String what, String expected) {
        try {
            Fx.await(what, () -> state.getText().equals(expected));
        } catch (AssertionError e) {
            throw new AssertionError(what + ": the status says '" + Fx.on(state::getText) + "' with problems "
                    + Fx.on(() -> List.copyOf(problems.getItems())), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void choose(FxRobot robot, AllocationMode mode) {
        ChoiceBox<AllocationMode> allocation = robot.lookup("#trigger-allocation").queryAs(ChoiceBox.class);
        robot.interact(() -> allocation.setValue(mode));
    }

    private JsonNode preview() {
        try {
            return Json.mapper().readTree(Fx.<String>on(json::getText));
        } catch (Exception e) {
            throw new AssertionError("the preview is not JSON", e);
        }
    }
}
