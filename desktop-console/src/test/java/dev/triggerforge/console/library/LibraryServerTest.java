package dev.triggerforge.console.library;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triggerforge.console.ConsoleFixture;
import dev.triggerforge.console.Fx;
import dev.triggerforge.console.TestServer;
import dev.triggerforge.console.connection.ServerClient;
import dev.triggerforge.console.connection.ServerProfile;
import dev.triggerforge.console.shell.ConsoleWindow;
import dev.triggerforge.model.json.Json;
import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.model.trigger.TriggerSpec;
import dev.triggerforge.rules.library.TriggerLibrary;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library against the real test server, which other test classes share: every assertion is relative to the
 * state read first (version numbers are not fixed).
 */
@ExtendWith(ApplicationExtension.class)
class LibraryServerTest {

    @TempDir
    Path folder;

    private final ServerClient server = TestServer.shared().client();

    private ConsoleWindow window;

    @Start
    void start(Stage stage) {
        window = ConsoleFixture.openConnected(stage, folder);
    }

    @Test
    void theVersionsAreTheServersNewestFirstAndACopyOfOneBecomesTheWorkingCopy(FxRobot robot) {
        showLibrary(robot);
        TableView<ServerVersion> table = robot.lookup("#library-versions").queryTableView();
        Fx.await("the versions", () -> !table.getItems().isEmpty());
        List<Long> expected = new ArrayList<>();
        server.get("/api/rulesets").forEach(v -> expected.add(v.path("version").asLong()));
        assertThat(Fx.on(() -> table.getItems().stream().map(ServerVersion::version).toList())).isEqualTo(expected);
        long active = activeVersion();
        assertThat(robot.lookup("#library-server-state").queryAs(Label.class).getText())
                .endsWith("active: version " + active);

        robot.interact(() -> table.getSelectionModel().select(0));
        ListView<String> triggers = robot.lookup("#library-detail-triggers").queryListView();
        Fx.await("the version's triggers", () -> !triggers.getItems().isEmpty());
        assertThat(robot.lookup("#library-detail-title").queryAs(Label.class).getText())
                .startsWith("Version " + expected.get(0));
        robot.clickOn("#library-edit-copy");
        Label workingCopy = robot.lookup("#library-working-copy").queryAs(Label.class);
        Fx.await("the copy as working copy", () -> workingCopy.getText()
                .startsWith("Working copy from version " + expected.get(0) + ":"));
    }

    @Test
    void theEditedWorkingCopyValidatesAndABrokenDraftIsRefusedWithItsLines(FxRobot robot) {
        editCartWait(robot, "PT50M");
        showLibrary(robot);
        robot.clickOn("#library-tab-deploy");
        Label title = robot.lookup("#deploy-result-title").queryAs(Label.class);
        ListView<String> result = robot.lookup("#deploy-result").queryListView();
        click(robot, "#deploy-validate");
        Fx.await("validation", () -> title.getText().startsWith("Validate: done"));
        assertThat(result.getItems()).containsExactly("Valid: 4 triggers compile as the server compiles them.");

        int versionsBefore = server.get("/api/rulesets").size();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        CodeArea editor = robot.lookup("#drl-editor").queryAs(CodeArea.class);
        robot.interact(() -> editor.replaceText("package dev.triggerforge.rules\n\nrule \"broken\"\nwhen\n"
                + "    this is not drl\nthen\nend\n"));
        showLibrary(robot);
        robot.clickOn("#library-tab-deploy");
        Fx.await("the draft in the working copy", () -> !robot.lookup("#deploy-with-draft").queryAs(
                CheckBox.class).isDisabled());
        robot.clickOn("#deploy-with-draft");
        click(robot, "#deploy-upload");

        Fx.await("the refusal", () -> title.getText().startsWith("Upload: refused"));
        Fx.await("the error dialog", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        robot.clickOn("OK");
        assertThat(result.getItems().get(0)).contains("does not compile");
        assertThat(result.getItems()).anyMatch(line -> line.matches("\\s+\\S+\\.drl:\\d+:\\d+ .*"));
        assertThat(server.get("/api/rulesets").size()).as("versions on the server").isEqualTo(versionsBefore);
    }

    @Test
    void aMarketerIsToldInTheServersWordsThatRawDrlNeedsAnAdmin(FxRobot robot) {
        String name = "marketer-" + System.nanoTime();
        String token = server.post("/api/tokens", Map.of("username", name, "role", "marketer", "description",
                "library test")).path("token").asText();
        ServerClient marketer = new ServerClient(new ServerProfile("marketer", TestServer.shared().url(), "",
                ServerProfile.SecretKind.TOKEN), token);
        robot.interact(() -> window.connection().connected(marketer, name, List.of("marketer")));
        int versionsBefore = server.get("/api/rulesets").size();
        showLibrary(robot);
        robot.clickOn("#library-tab-deploy");
        Fx.await("the sample draft in the working copy", () -> !robot.lookup("#deploy-with-draft").queryAs(
                CheckBox.class).isDisabled());
        robot.clickOn("#deploy-with-draft");
        click(robot, "#deploy-upload");

        Label title = robot.lookup("#deploy-result-title").queryAs(Label.class);
        Fx.await("the refusal", () -> title.getText().startsWith("Upload: refused"));
        Fx.await("the error dialog", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        robot.clickOn("OK");
        assertThat(robot.lookup("#deploy-result").queryListView().getItems().get(0).toString())
                .startsWith("'" + name + "' (roles ").endsWith(") may not do this: rule sets with raw DRL need"
                        + " the admin role; marketers deploy trigger specs");
        assertThat(server.get("/api/rulesets").size()).as("versions on the server").isEqualTo(versionsBefore);
    }

    @Test
    void uploadDryRunActivateThenRollBack(FxRobot robot) {
        long before = activeVersion();
        editCartWait(robot, "PT55M");
        showLibrary(robot);
        robot.clickOn("#library-tab-deploy");
        Label title = robot.lookup("#deploy-result-title").queryAs(Label.class);
        ListView<String> result = robot.lookup("#deploy-result").queryListView();
        robot.clickOn("#deploy-note").write("cart wait 55 minutes");
        click(robot, "#deploy-upload");
        Fx.await("the upload", () -> title.getText().startsWith("Upload: done"));
        long uploaded = Long.parseLong(robot.lookup("#deploy-version").queryAs(TextField.class).getText());
        assertThat(result.getItems().get(0)).startsWith("Uploaded as version " + uploaded + " (inactive)");
        assertThat(activeVersion()).isEqualTo(before);

        click(robot, "#deploy-dry-run");
        Fx.await("the dry run", () -> title.getText().startsWith("Dry run of version " + uploaded + ": done"));
        assertThat(result.getItems().get(1)).contains("sends with the active version");

        click(robot, "#deploy-activate");
        Fx.await("the confirmation", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        assertThat(robot.lookup(".dialog-pane .content").queryLabeled().getText())
                .contains("Version " + uploaded + " will run on every server instance").contains("Dry run: ");
        robot.clickOn("OK");
        Fx.await("the activation", () -> title.getText().startsWith("Activate version " + uploaded + ": done"));
        assertThat(result.getItems().get(0)).isEqualTo("Version " + uploaded + " is active (before: version "
                + before + ").");
        assertThat(result.getItems()).anyMatch(l -> l.startsWith("Instance ") && l.contains("version " + uploaded));
        assertThat(instanceVersions()).containsOnly(uploaded);

        click(robot, "#deploy-rollback");
        Fx.await("the confirmation", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        robot.clickOn("OK");
        Fx.await("the rollback", () -> title.getText().startsWith("Roll back: done"));
        assertThat(result.getItems().get(0)).startsWith("Version " + before + " is active");
        assertThat(instanceVersions()).containsOnly(before);
        assertThat(activeVersion()).isEqualTo(before);
    }

    @Test
    void connectedTheWhatIfComparesWithTheServersActiveVersion(FxRobot robot) {
        long active = activeVersion();
        showLibrary(robot);
        robot.clickOn("#library-tab-whatif");
        robot.interact(() -> {
            robot.lookup("#whatif-customers").queryTextInputControl().setText("100");
            robot.lookup("#whatif-days").queryTextInputControl().setText("2");
        });
        robot.clickOn("#whatif-run");

        Label status = robot.lookup("#whatif-status").queryAs(Label.class);
        Fx.await("the what-if", () -> status.getText().contains("sends, in"));
        assertThat(status.getText()).startsWith("active version " + active + " against the working copy");
    }

    @Test
    void theDiffOfTwoVersionsShowsTheChangedTriggerLineByLine(FxRobot robot) {
        long from = server.post("/api/rulesets", upload(TriggerLibrary.ruleSet())).path("version").asLong();
        long to = server.post("/api/rulesets", upload(withCartWait("PT2H"))).path("version").asLong();
        showLibrary(robot);
        robot.clickOn("#library-tab-history");
        ChoiceBox<Long> fromBox = robot.lookup("#diff-from").queryAs(ChoiceBox.class);
        Fx.await("the versions to compare", () -> fromBox.getItems().contains(to));
        robot.interact(() -> {
            fromBox.setValue(from);
            robot.lookup("#diff-to").queryAs(ChoiceBox.class).setValue(to);
        });
        click(robot, "#diff-compare");

        TextFlow diff = robot.lookup("#diff-text").queryAs(TextFlow.class);
        Fx.await("the diff", () -> robot.lookup("#history-state").queryAs(Label.class).getText()
                .equals("Version " + from + " → version " + to + "."));
        String text = Fx.on(() -> diff.getChildren().stream().map(n -> ((Text) n).getText())
                .reduce("", String::concat));
        assertThat(text).contains("Triggers changed: cart-abandonment").contains("Triggers added: none")
                .contains("Trigger cart-abandonment");
        List<String> added = Fx.on(() -> diff.getChildren().stream().filter(n -> n.getStyleClass()
                .contains("diff-added")).map(n -> ((Text) n).getText().strip()).toList());
        List<String> removed = Fx.on(() -> diff.getChildren().stream().filter(n -> n.getStyleClass()
                .contains("diff-removed")).map(n -> ((Text) n).getText().strip()).toList());
        assertThat(added).containsExactly("+   \"wait\" : \"PT2H\",");
        String libraryWait = TriggerLibrary.ruleSet().triggers().stream()
                .filter(t -> t.id().equals("cart-abandonment")).findFirst().orElseThrow().waitDuration().toString();
        assertThat(removed).containsExactly("-   \"wait\" : \"" + libraryWait + "\",");
        TableView<JsonNode> audit = robot.lookup("#library-audit").queryTableView();
        Fx.await("the audit trail", () -> !audit.getItems().isEmpty());
        assertThat(Fx.on(() -> audit.getItems().get(0).path("target").asText())).isEqualTo("version " + to);
    }

    /** Clicks a button once it is enabled (a reload of the server's data may be under way). */
    private static void click(FxRobot robot, String query) {
        Fx.await(query + " to be enabled", () -> !robot.lookup(query).queryButton().isDisabled());
        robot.clickOn(query);
    }

    private void editCartWait(FxRobot robot, String wait) {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        Fx.await("the Triggers screen", () -> robot.lookup("#trigger-wait").tryQuery().isPresent());
        TextField field = robot.lookup("#trigger-wait").queryAs(TextField.class);
        robot.interact(() -> field.setText(wait));
    }

    private static void showLibrary(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        Fx.await("Ctrl+4 to show the library", () -> robot.lookup("#library-view").tryQuery().isPresent());
    }

    private long activeVersion() {
        for (JsonNode v : server.get("/api/rulesets")) {
            if (v.path("active").asBoolean()) {
                return v.path("version").asLong();
            }
        }
        throw new AssertionError("no active version");
    }

    private List<Long> instanceVersions() {
        List<Long> versions = new ArrayList<>();
        server.get("/api/rulesets/instances").forEach(i -> versions.add(i.path("ruleSetVersion").asLong()));
        return versions;
    }

    private static RuleSetApi.Upload upload(RuleSet ruleSet) {
        return RuleSetApi.Upload.of(ruleSet, "diff test", "continue");
    }

    private static RuleSet withCartWait(String wait) {
        RuleSet library = TriggerLibrary.ruleSet();
        List<TriggerSpec> triggers = library.triggers().stream().map(t -> {
            if (!t.id().equals("cart-abandonment")) {
                return t;
            }
            ObjectNode json = Json.mapper().valueToTree(t);
            json.put("wait", wait);
            return Json.mapper().convertValue(json, TriggerSpec.class);
        }).toList();
        return new RuleSet(library.name(), library.drl(), triggers, library.guardrails());
    }
}
