package dev.triggerforge.console.simulation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.triggerforge.console.BackgroundWork;
import dev.triggerforge.console.connection.Connection;
import dev.triggerforge.console.connection.ServerClient;
import dev.triggerforge.console.shell.ErrorDialogs;
import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.json.Json;
import javafx.concurrent.Task;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.web.WebView;

/**
 * The email a simulated send would be, for the chosen customer: rendered by the connected server's own templates
 * (so it is exactly what production would send), or, offline, the personalization variables the template would get.
 */
final class EmailPreview {

    private final Connection connection;
    private final BackgroundWork work;
    private final Label subject = new Label("Select a send to preview its email.");
    private final WebView page = new WebView();
    private final TextArea variables = new TextArea();
    private final BorderPane root = new BorderPane();
    private EmailDecision shown;

    EmailPreview(Connection connection, BackgroundWork work) {
        this.connection = connection;
        this.work = work;
        subject.setId("preview-subject");
        subject.setWrapText(true);
        page.setId("preview-page");
        variables.setId("preview-variables");
        variables.setEditable(false);
        variables.setPrefRowCount(8);
        TitledPane shownVariables = new TitledPane("Personalization variables", variables);
        shownVariables.setExpanded(false);
        root.setTop(subject);
        root.setBottom(shownVariables);
    }

    Node node() {
        return root;
    }

    void show(EmailDecision decision) {
        shown = decision;
        if (decision == null) {
            clear();
            return;
        }
        variables.setText(json(decision));
        ServerClient client = connection.client().orElse(null);
        if (client == null) {
            subject.setText("Offline: connect to a server to render template '" + decision.templateId()
                    + "'. The variables it would get are below.");
            root.setCenter(null);
            return;
        }
        subject.setText("Rendering " + decision.templateId() + " on " + client.profile().name() + "…");
        Task<JsonNode> render = new Task<>() {
            @Override
            protected JsonNode call() {
                return client.post("/api/templates/" + ServerClient.encode(decision.templateId()) + "/render",
                        decision.variables());
            }
        };
        render.setOnSucceeded(e -> {
            if (shown == decision) {
                subject.setText("Subject: " + render.getValue().path("subject").asText());
                page.getEngine().loadContent(render.getValue().path("html").asText(), "text/html");
                root.setCenter(page);
            }
        });
        render.setOnFailed(e -> {
            if (shown == decision) {
                subject.setText("The server could not render " + decision.templateId() + ": "
                        + ErrorDialogs.describe(render.getException()));
                root.setCenter(null);
            }
        });
        work.start(render);
    }

    void clear() {
        shown = null;
        subject.setText("Select a send to preview its email.");
        variables.clear();
        root.setCenter(null);
    }

    private static String json(EmailDecision decision) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(decision.variables());
        } catch (JsonProcessingException e) {
            return "cannot show the variables: " + e.getMessage();
        }
    }
}
