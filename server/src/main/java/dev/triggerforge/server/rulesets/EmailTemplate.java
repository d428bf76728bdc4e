package dev.triggerforge.server.rulesets;

/** An email template uploaded with a rule set: Qute source for the subject line, the HTML body and the text body. */
public record EmailTemplate(String subject, String html, String text) {
}
