package dev.triggerforge.server.security;

import java.util.Set;

/** The three API roles; each includes the ones below it, so an admin may do whatever a marketer or viewer may. */
public enum Role {
    VIEWER, MARKETER, ADMIN;

    public static final String VIEWER_NAME = "viewer";
    public static final String MARKETER_NAME = "marketer";
    public static final String ADMIN_NAME = "admin";

    public String code() {
        return name().toLowerCase();
    }

    /** This role and every role it includes, as the names {@code @RolesAllowed} checks. */
    public Set<String> granted() {
        return switch (this) {
            case VIEWER -> Set.of(VIEWER_NAME);
            case MARKETER -> Set.of(VIEWER_NAME, MARKETER_NAME);
            case ADMIN -> Set.of(VIEWER_NAME, MARKETER_NAME, ADMIN_NAME);
        };
    }

    /** A role name that is not one of the three; answered with 400. */
    public static final class UnknownRole extends IllegalArgumentException {
        UnknownRole(String code) {
            super("role must be viewer, marketer or admin, not '" + code + "'");
        }
    }

    public static Role of(String code) {
        try {
            return valueOf(code.trim().toUpperCase());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UnknownRole(code);
        }
    }
}
