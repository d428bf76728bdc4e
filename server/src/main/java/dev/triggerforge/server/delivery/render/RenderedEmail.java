package dev.triggerforge.server.delivery.render;

/** The three parts of an email a template produces: a one-line subject, the HTML body and its plain-text twin. */
public record RenderedEmail(String subject, String html, String text) {
}
