package dev.triggerforge.console.shell;

import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Shows a failure as a plain sentence a marketer can act on, with the technical details folded away. */
public final class ErrorDialogs {

    private ErrorDialogs() {
    }

    /** A modeless error dialog: {@code message} in view, the failure's stack trace only under "Show details". */
    public static Alert show(Window owner, String title, String message, Throwable failure) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.setContentText(message);
        if (failure != null) {
            TextArea details = new TextArea(stackTrace(failure));
            details.setEditable(false);
            details.setWrapText(false);
            alert.getDialogPane().setExpandableContent(details);
            alert.getDialogPane().setExpanded(false);
        }
        alert.show();
        return alert;
    }

    /** The sentence to show for a failure: its message, or its type when it has none. */
    public static String describe(Throwable failure) {
        Throwable shown = failure;
        while (shown.getMessage() == null && shown.getCause() != null) {
            shown = shown.getCause();
        }
        return shown.getMessage() != null ? shown.getMessage() : shown.getClass().getSimpleName();
    }

    private static String stackTrace(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
