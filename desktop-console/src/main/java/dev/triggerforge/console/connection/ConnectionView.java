package dev.triggerforge.console.connection;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triggerforge.console.ConsoleContext;
import dev.triggerforge.console.shell.ErrorDialogs;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

/**
 * The Server screen: saved server profiles, a form to add one, and Connect, which checks the credentials against
 * {@code /api/me} before any live view uses them.
 */
public final class ConnectionView {

    private final ConsoleContext context;
    private final ProfileStore store;
    private final BorderPane root = new BorderPane();
    private final ListView<ServerProfile> profiles = new ListView<>();
    private final TextField name = new TextField();
    private final TextField url = new TextField("http://localhost:8080");
    private final ChoiceBox<ServerProfile.SecretKind> kind = new ChoiceBox<>();
    private final TextField username = new TextField();
    private final PasswordField secret = new PasswordField();
    private final CheckBox remember = new CheckBox("Remember the secret (encrypted)");
    private final Button connect = new Button("Connect");
    private final Button disconnect = new Button("Disconnect");
    private final Label status = new Label();
    private final Label server = new Label();

    public ConnectionView(ConsoleContext context) {
        this.context = context;
        this.store = new ProfileStore(context.settings().profilesFile(), new SecretBox(context.settings().keyFile()));
        root.setId("server-view");
        root.setPadding(new Insets(12));
        root.setLeft(profileList());
        root.setCenter(form());
        status.textProperty().bind(context.connection().statusProperty());
        disconnect.disableProperty().bind(context.connection().clientProperty().isNull());
        reload();
        store.last().ifPresent(p -> {
            profiles.getSelectionModel().select(p);
            if (!secret.getText().isEmpty()) {
                connect(false);
            }
        });
    }

    public Node node() {
        return root;
    }

    private Node profileList() {
        profiles.setId("server-profiles");
        profiles.setPrefWidth(220);
        profiles.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(ServerProfile item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name() + "\n" + item.url());
            }
        });
        profiles.getSelectionModel().selectedItemProperty().addListener((obs, old, p) -> fill(p));
        Button delete = new Button("Delete");
        delete.setId("server-delete");
        delete.disableProperty().bind(profiles.getSelectionModel().selectedItemProperty().isNull());
        delete.setOnAction(e -> {
            store.delete(profiles.getSelectionModel().getSelectedItem().name());
            reload();
        });
        VBox box = new VBox(8, new Label("Saved servers"), profiles, delete);
        box.setPadding(new Insets(0, 12, 0, 0));
        return box;
    }

    private Node form() {
        name.setId("server-name");
        url.setId("server-url");
        kind.setId("server-kind");
        username.setId("server-user");
        secret.setId("server-secret");
        remember.setId("server-remember");
        connect.setId("server-connect");
        disconnect.setId("server-disconnect");
        status.setId("server-status");
        server.setId("server-info");
        kind.getItems().setAll(ServerProfile.SecretKind.values());
        kind.setValue(ServerProfile.SecretKind.TOKEN);
        remember.setSelected(true);
        name.setPromptText("e.g. production");
        secret.setPromptText("token (tf_...) or password");
        username.setPromptText("needed with a password");
        connect.setDefaultButton(true);
        connect.setOnAction(e -> connect(true));
        disconnect.setOnAction(e -> {
            context.connection().disconnect();
            server.setText("");
        });

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        String[] labels = {"Name", "URL", "Sign in with", "User", "Token or password"};
        Node[] fields = {name, url, kind, username, secret};
        for (int i = 0; i < labels.length; i++) {
            grid.addRow(i, new Label(labels[i]), fields[i]);
        }
        url.setPrefColumnCount(32);
        VBox box = new VBox(12, grid, remember, new HBox(8, connect, disconnect), status, server);
        box.setMaxWidth(620);
        return box;
    }

    private void fill(ServerProfile profile) {
        if (profile == null) {
            return;
        }
        name.setText(profile.name());
        url.setText(profile.url().toString());
        kind.setValue(profile.kind());
        username.setText(profile.username());
        secret.setText(store.secret(profile.name()).orElse(""));
    }

    private void reload() {
        profiles.getItems().setAll(store.profiles());
    }

    /**
     * Checks the typed credentials on a worker thread; on success saves the profile and announces the connection. A
     * failure is a dialog when the marketer asked, and only a line under the form when reconnecting at start.
     */
    private void connect(boolean asked) {
        ServerProfile profile;
        try {
            profile = new ServerProfile(name.getText().isBlank() ? url.getText().trim() : name.getText().trim(),
                    ServerProfile.parseUrl(url.getText()), username.getText(), kind.getValue());
        } catch (IllegalArgumentException e) {
            ErrorDialogs.show(root.getScene().getWindow(), "Cannot connect", e.getMessage(), null);
            return;
        }
        String typed = secret.getText();
        ServerClient client = new ServerClient(profile, typed);
        connect.setDisable(true);
        Task<JsonNode[]> check = new Task<>() {
            @Override
            protected JsonNode[] call() {
                return new JsonNode[] {client.get("/api/me"), client.get("/api/rulesets/instances")};
            }
        };
        check.setOnSucceeded(e -> {
            connect.setDisable(false);
            JsonNode me = check.getValue()[0];
            List<String> roles = new ArrayList<>();
            me.path("roles").forEach(r -> roles.add(r.asText()));
            store.save(profile, remember.isSelected() ? typed : null);
            reload();
            context.connection().connected(client, me.path("name").asText(), roles);
            server.setText(describe(check.getValue()[1]));
        });
        check.setOnFailed(e -> {
            connect.setDisable(false);
            if (asked) {
                ErrorDialogs.show(root.getScene().getWindow(), "Cannot connect to " + profile.name(),
                        ErrorDialogs.describe(check.getException()), check.getException());
            } else {
                server.setText("Could not reconnect to " + profile.name() + ": "
                        + ErrorDialogs.describe(check.getException()));
            }
        });
        context.work().start(check);
    }

    private static String describe(JsonNode instances) {
        StringBuilder text = new StringBuilder("Server instances and the rule-set version each runs:");
        instances.forEach(i -> text.append("\n  ").append(i.path("instanceId").asText(i.toString()))
                .append(": version ").append(i.path("ruleSetVersion").asText("?"))
                .append(", last seen ").append(i.path("seenAt").asText("?")));
        return text.toString();
    }
}
