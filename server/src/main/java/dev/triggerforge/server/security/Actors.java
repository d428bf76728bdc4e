package dev.triggerforge.server.security;

import io.quarkus.security.identity.SecurityIdentity;

/** The name the audit log and stored records give the caller of an API request. */
public final class Actors {

    private Actors() {
    }

    public static String of(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }
}
