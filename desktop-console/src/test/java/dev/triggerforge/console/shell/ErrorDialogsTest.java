package dev.triggerforge.console.shell;

import dev.triggerforge.console.Fx;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.io.IOException;
import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;

/** An error dialog leads with the sentence and keeps the stack trace folded under its details. */
@ExtendWith(ApplicationExtension.class)
class ErrorDialogsTest {

    @Test
    void theMessageIsShownAndTheDetailsAreFolded(FxRobot robot) {
        IOException cause = new IOException("disk full");
        Alert alert = Fx.on(() -> ErrorDialogs.show(null, "The draft was not saved",
                ErrorDialogs.describe(cause), cause));

        assertThat(alert.getContentText()).isEqualTo("disk full");
        assertThat(alert.getDialogPane().isExpanded()).isFalse();
        assertThat(((TextArea) alert.getDialogPane().getExpandableContent()).getText())
                .startsWith("java.io.IOException: disk full");
        robot.interact(alert::close);
    }

    @Test
    void aFailureWithoutMessageIsDescribedByItsCause() {
        assertThat(ErrorDialogs.describe(new UncheckedIOException(null, new IOException("no such folder"))))
                .isEqualTo("no such folder");
        assertThat(ErrorDialogs.describe(new IllegalStateException())).isEqualTo("IllegalStateException");
    }
}
