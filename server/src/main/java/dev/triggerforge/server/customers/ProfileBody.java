package dev.triggerforge.server.customers;

import java.util.Map;

/** What a client may set on a profile; the id comes from the path and observed values from events. */
public record ProfileBody(String email, String timezone, String locale, Boolean marketingConsent,
                          Map<String, Object> attributes) {
}
