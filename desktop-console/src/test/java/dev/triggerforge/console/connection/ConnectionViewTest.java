package dev.triggerforge.console.connection;

import dev.triggerforge.console.ConsoleFixture;
import dev.triggerforge.console.ConsoleSettings;
import dev.triggerforge.console.Fx;
import dev.triggerforge.console.TestServer;
import dev.triggerforge.console.shell.ConsoleWindow;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Connecting to the real test server: the right token connects and is remembered sealed, a wrong one is refused. */
@ExtendWith(ApplicationExtension.class)
class ConnectionViewTest {

    @TempDir
    Path folder;

    private ConsoleWindow window;

    @BeforeAll
    static void server() {
        TestServer.shared();
    }

    @Start
    void start(Stage stage) {
        window = ConsoleFixture.open(stage, folder);
    }

    @Test
    void connectsWithTheTokenAndRemembersTheProfile(FxRobot robot) throws Exception {
        robot.clickOn("#nav-server");
        fill(robot, TestServer.ADMIN_TOKEN);
        robot.clickOn("#server-connect");

        Label status = robot.lookup("#server-status").queryAs(Label.class);
        Fx.await("the connection", () -> status.getText().startsWith("Connected to local"));
        assertThat(status.getText()).contains("as admin");
        assertThat(robot.lookup("#connection-status").queryAs(Hyperlink.class).getText()).startsWith("Connected");
        Fx.await("the instances", () -> robot.lookup("#server-info").queryAs(Label.class).getText()
                .matches("(?s).*: version \\d+, last seen .*"));
        assertThat(window.connection().client()).isPresent();

        String stored = Files.readString(folder.resolve("servers.json"));
        assertThat(stored).contains(TestServer.shared().url().toString()).doesNotContain(TestServer.ADMIN_TOKEN);
        ProfileStore store = new ProfileStore(folder.resolve("servers.json"), new SecretBox(folder.resolve("console.key")));
        assertThat(store.secret("local")).contains(TestServer.ADMIN_TOKEN);

        robot.clickOn("#server-disconnect");
        Fx.await("going offline", () -> status.getText().equals("Offline"));
        assertThat(window.connection().client()).isEmpty();
    }

    @Test
    void reconnectsAtStartToTheLastServerWhoseSecretIsRemembered(FxRobot robot) {
        ProfileStore store = new ProfileStore(folder.resolve("servers.json"), new SecretBox(folder.resolve("console.key")));
        store.save(new ServerProfile("local", TestServer.shared().url(), "", ServerProfile.SecretKind.TOKEN),
                TestServer.ADMIN_TOKEN);

        Stage second = Fx.on(Stage::new);
        ConsoleWindow reopened = Fx.on(() -> ConsoleWindow.open(second, new ConsoleSettings(folder, ConsoleFixture.PREFS)));
        Fx.await("the reconnection", () -> reopened.connection().client().isPresent());
        assertThat(Fx.on(() -> reopened.connection().statusProperty().get())).startsWith("Connected to local");
        robot.interact(second::close);
    }

    @Test
    void aWrongTokenIsRefusedInPlainWordsAndStaysOffline(FxRobot robot) {
        robot.clickOn("#nav-server");
        fill(robot, "tf_not-a-real-token");
        robot.clickOn("#server-connect");

        Fx.await("the error dialog", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        assertThat(robot.lookup(".dialog-pane .content").queryLabeled().getText())
                .contains("did not accept the credentials of 'local'");
        robot.clickOn("OK");
        assertThat(window.connection().client()).isEmpty();
        assertThat(folder.resolve("servers.json")).doesNotExist();
    }

    private void fill(FxRobot robot, String token) {
        robot.clickOn("#server-name").write("local");
        Fx.on(() -> {
            robot.lookup("#server-url").queryTextInputControl().setText(TestServer.shared().url().toString());
            return null;
        });
        robot.clickOn("#server-secret").write(token);
    }
}
