package dev.triggerforge.console.connection;

import java.net.URI;
import java.util.Objects;

/** A named server the marketer connects to: where it is and who they are there; the secret is kept apart. */
public record ServerProfile(String name, URI url, String username, SecretKind kind) {

    /** A bearer token ({@code tf_...}) or a password for HTTP basic authentication. */
    public enum SecretKind { TOKEN, PASSWORD }

    public ServerProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(kind, "kind");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a profile needs a name");
        }
        String scheme = url.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || url.getHost() == null) {
            throw new IllegalArgumentException("the server URL must be http:// or https:// with a host, not '" + url
                    + "'");
        }
        if (kind == SecretKind.PASSWORD && (username == null || username.isBlank())) {
            throw new IllegalArgumentException("a password needs a user name");
        }
        username = username == null ? "" : username.trim();
    }

    /** Parses what the marketer typed, with a plain-language error for a malformed URL. */
    public static URI parseUrl(String text) {
        try {
            String trimmed = text == null ? "" : text.trim();
            return URI.create(trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a URL", e);
        }
    }
}
