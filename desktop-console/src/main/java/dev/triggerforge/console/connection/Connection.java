package dev.triggerforge.console.connection;

import dev.triggerforge.console.event.ConnectionChanged;
import dev.triggerforge.console.event.EventBus;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.List;
import java.util.Optional;

/**
 * The server the console is connected to, if any, shared by every view that works live; changes are announced on
 * the bus as {@link ConnectionChanged} so views can load or clear their data.
 */
public final class Connection {

    private final EventBus bus;
    private final ReadOnlyObjectWrapper<ServerClient> client = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Offline");
    private volatile List<String> roles = List.of();

    public Connection(EventBus bus) {
        this.bus = bus;
    }

    public ReadOnlyObjectProperty<ServerClient> clientProperty() {
        return client.getReadOnlyProperty();
    }

    /** One line for the status bar: offline, or the profile, server and user. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public Optional<ServerClient> client() {
        return Optional.ofNullable(client.get());
    }

    /** The connected client, or a {@link ServerException} that tells the marketer to connect first. */
    public ServerClient require() {
        ServerClient current = client.get();
        if (current == null) {
            throw new ServerException(0, "not connected to a server: choose one under Server (Ctrl+8)", List.of());
        }
        return current;
    }

    /** Whether the connected user holds {@code role} (admin holds every role). */
    public boolean hasRole(String role) {
        return roles.contains(role) || roles.contains("admin");
    }

    /** Called on the JavaFX thread once the server accepted the credentials. */
    public void connected(ServerClient connected, String user, List<String> userRoles) {
        roles = List.copyOf(userRoles);
        client.set(connected);
        status.set("Connected to " + connected.profile().name() + " (" + connected.profile().url() + ") as " + user
                + " " + userRoles);
        bus.publish(new ConnectionChanged(connected));
    }

    public void disconnect() {
        roles = List.of();
        client.set(null);
        status.set("Offline");
        bus.publish(new ConnectionChanged(null));
    }
}
