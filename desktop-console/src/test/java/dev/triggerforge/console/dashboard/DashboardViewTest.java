package dev.triggerforge.console.dashboard;

import dev.triggerforge.console.ConsoleFixture;
import dev.triggerforge.console.Fx;
import dev.triggerforge.console.LiveData;
import dev.triggerforge.console.TestServer;
import dev.triggerforge.console.shell.ConsoleWindow;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The live dashboard counts the events fed to the real server within a refresh or two, and stops when offline. */
@ExtendWith(ApplicationExtension.class)
class DashboardViewTest {

    @TempDir
    Path folder;

    private ConsoleWindow window;

    @BeforeAll
    static void server() {
        TestServer.shared();
    }

    @Start
    void start(Stage stage) {
        window = ConsoleFixture.openConnected(stage, folder);
    }

    @Test
    void theEventsTileRisesByTheEventsFed(FxRobot robot) {
        robot.clickOn("#nav-dashboard");
        Label total = robot.lookup("#dashboard-events-detail").queryAs(Label.class);
        Fx.await("a first scrape", () -> total.getText().endsWith("events in all"));
        Fx.await("the consumer idle", () -> robot.lookup("#dashboard-events").queryAs(Label.class).getText()
                .equals("0.0"));
        long before = events(Fx.on(total::getText));

        LiveData.events(LiveData.customers("dash", 7), "custom:console_dash");

        Fx.await("7 more events", () -> events(total.getText()) == before + 7);
        LineChart<?, ?> chart = robot.lookup("#dashboard-throughput").queryAs(LineChart.class);
        assertThat(Fx.on(() -> chart.getData().get(0).getData().stream()
                .mapToDouble(d -> ((Number) d.getYValue()).doubleValue()).max().orElse(0))).isGreaterThan(0);
    }

    @Test
    void offlineItSaysSoAndStopsPolling(FxRobot robot) {
        robot.clickOn("#nav-dashboard");
        LineChart<?, ?> chart = robot.lookup("#dashboard-throughput").queryAs(LineChart.class);
        Fx.await("a few points", () -> chart.getData().get(0).getData().size() >= 2);

        Fx.on(() -> {
            window.connection().disconnect();
            return null;
        });
        Label status = robot.lookup("#dashboard-status").queryAs(Label.class);
        Fx.await("the offline message", () -> status.getText().startsWith("Offline: connect to a server"));
        int points = Fx.on(() -> chart.getData().get(0).getData().size());
        // nothing may happen: wait through two refresh periods and look again
        WaitForAsyncUtils.sleep(4500, TimeUnit.MILLISECONDS);
        assertThat(Fx.on(() -> chart.getData().get(0).getData().size())).isEqualTo(points).isZero();
        assertThat(Fx.on(status::getText)).startsWith("Offline: connect to a server");
    }

    private static long events(String detail) {
        return Long.parseLong(detail.replace(" events in all", "").replace(",", ""));
    }
}
