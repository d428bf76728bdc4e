package dev.triggerforge.console.rules;

import dev.triggerforge.console.ConsoleFixture;
import dev.triggerforge.console.Fx;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Drafts saved earlier come back into the editor, and are checked like typed text. */
@ExtendWith(ApplicationExtension.class)
class DraftsTest {

    @TempDir
    static Path drafts;

    @Start
    void start(Stage stage) throws Exception {
        Files.createDirectories(drafts.resolve("drafts"));
        Files.writeString(drafts.resolve("drafts/broken.drl"), "package shop.rules\n\nrule \"x\"\nwhen\n    Nothing( )\nthen\nend\n");
        ConsoleFixture.open(stage, drafts);
    }

    @Test
    @SuppressWarnings("unchecked")
    void openingASavedDraftLoadsItAndChecksIt(FxRobot robot) {
        ComboBox<String> saved = robot.lookup("#drafts").queryAs(ComboBox.class);
        robot.clickOn(saved);
        robot.clickOn("broken");
        robot.clickOn("Open");

        CodeArea editor = robot.lookup("#drl-editor").queryAs(CodeArea.class);
        assertThat(Fx.on(() -> editor.getText())).contains("Nothing( )");
        assertThat(robot.lookup("#draft-name").queryAs(TextField.class).getText()).isEqualTo("broken");
        Label state = robot.lookup("#check-state").queryAs(Label.class);
        Fx.await("the opened draft to be checked", () -> state.getText().endsWith("error")
                || state.getText().endsWith("errors"));
        assertThat(Fx.on(() -> editor.getParagraph(4).getParagraphStyle())).contains("compile-error");
    }

    @Test
    void draftNamesCannotLeaveTheFolder() {
        DraftStore store = new DraftStore(drafts.resolve("drafts"));
        assertThatThrownBy(() -> store.save("../outside", "rule")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid draft name");
        assertThat(drafts.resolve("outside.drl")).doesNotExist();
    }
}
