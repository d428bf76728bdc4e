package dev.triggerforge.server.delivery.render;

/** Asked for a template id the server does not offer; its message is the reason stored on a failed send. */
public class UnknownTemplateException extends RuntimeException {

    private final String templateId;

    public UnknownTemplateException(String templateId) {
        super("unknown template " + templateId);
        this.templateId = templateId;
    }

    public String templateId() {
        return templateId;
    }
}
