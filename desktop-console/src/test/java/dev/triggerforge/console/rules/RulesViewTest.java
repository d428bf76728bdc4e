package dev.triggerforge.console.rules;

import dev.triggerforge.console.ConsoleFixture;
import dev.triggerforge.console.Fx;
import dev.triggerforge.rules.compile.CompileError;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The DRL editor checks what is typed: errors are underlined at their line and listed, and go once fixed. */
@ExtendWith(ApplicationExtension.class)
class RulesViewTest {

    private static final int EVENT_LINE = 8;

    @TempDir
    Path drafts;

    private CodeArea editor;
    private ListView<CompileError> problems;
    private Label state;

    @Start
    void start(Stage stage) {
        ConsoleFixture.open(stage, drafts);
    }

    @BeforeEach
    @SuppressWarnings("unchecked")
    void find(FxRobot robot) {
        editor = robot.lookup("#drl-editor").queryAs(CodeArea.class);
        problems = robot.lookup("#problems").queryAs(ListView.class);
        state = robot.lookup("#check-state").queryAs(Label.class);
    }

    @Test
    void theSampleCompilesAndIsHighlighted() {
        Fx.await("the sample to be checked", () -> state.getText().equals("Compiles"));
        assertThat(Fx.on(() -> List.copyOf(problems.getItems()))).isEmpty();
        assertThat(Fx.on(() -> editor.getStyleOfChar(editor.getText().indexOf("rule \"vip") + 1)))
                .containsExactly("drl-keyword");
        assertThat(Fx.on(() -> editor.getStyleOfChar(editor.getText().indexOf("// Thank") + 3)))
                .containsExactly("drl-comment");
    }

    @Test
    void aTypoIsUnderlinedAtItsLineAndListedThenClearedWhenFixed(FxRobot robot) {
        Fx.await("the sample to be checked", () -> state.getText().equals("Compiles"));
        String line = Fx.on(() -> editor.getParagraph(EVENT_LINE - 1).getText());
        assertThat(line).contains("EventFact(");
        int column = line.indexOf("EventFact") + "EventFact".length();

        robot.interact(() -> editor.moveTo(EVENT_LINE - 1, column));
        robot.clickOn(editor);
        robot.interact(() -> editor.moveTo(EVENT_LINE - 1, column));
        robot.write("z");

        Fx.await("the typo to be reported", () -> state.getText().endsWith("error") || state.getText().endsWith("errors"));
        List<CompileError> found = Fx.on(() -> List.copyOf(problems.getItems()));
        assertThat(found).isNotEmpty().allSatisfy(e -> {
            assertThat(e.source()).isEqualTo("vip-thanks.drl");
            assertThat(e.line()).isEqualTo(EVENT_LINE);
        });
        assertThat(found).anySatisfy(e -> assertThat(e.message()).contains("EventFactz"));
        assertThat(Fx.on(() -> editor.getParagraph(EVENT_LINE - 1).getParagraphStyle())).contains("compile-error");
        assertThat(Fx.on(() -> editor.getParagraph(EVENT_LINE - 2).getParagraphStyle())).isEmpty();
        String location = EVENT_LINE + ":" + (line.indexOf("EventFact") + 1) + " ";
        Fx.await("the error to be listed at " + location, () -> robot.lookup("#problems .list-cell")
                .queryAllAs(ListCell.class).stream().anyMatch(c -> c.getText() != null
                        && c.getText().startsWith(location) && c.getText().contains("EventFactz")));

        robot.type(KeyCode.BACK_SPACE);

        Fx.await("the fixed draft to compile", () -> state.getText().equals("Compiles"));
        assertThat(Fx.on(() -> List.copyOf(problems.getItems()))).isEmpty();
        assertThat(Fx.on(() -> editor.getParagraph(EVENT_LINE - 1).getParagraphStyle())).isEmpty();
    }

    @Test
    void ctrlSSavesTheDraftToTheDraftsFolder(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);

        Path saved = drafts.resolve("drafts/vip-thanks.drl");
        assertThat(saved).exists();
        assertThat(Files.readString(saved)).isEqualTo(Fx.on(editor::getText));
        assertThat(new DraftStore(drafts.resolve("drafts")).names()).containsExactly("vip-thanks");
    }
}
