package dev.triggerforge.server.tracking;

import java.util.Objects;

/**
 * What a tracked link carries: its kind, the idempotency key of the send it belongs to and, for a click, the target
 * URL; everything a hit needs, so the server keeps no table of issued links.
 */
public record LinkToken(LinkKind kind, String sendKey, String url) {

    public LinkToken {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sendKey, "sendKey");
        if ((kind == LinkKind.CLICK) != (url != null)) {
            throw new IllegalArgumentException("a click token needs a URL and only a click token has one");
        }
    }
}
