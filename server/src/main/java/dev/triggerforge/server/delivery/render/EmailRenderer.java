package dev.triggerforge.server.delivery.render;

import dev.triggerforge.server.delivery.DeliveryConfig;
import dev.triggerforge.server.tracking.TrackedLinks;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders emails from Qute templates, so sends and previews produce the very same subject, HTML and text. */
@ApplicationScoped
public class EmailRenderer {

    /** The parameter with which a trigger or an experiment's variant sets the subject line itself. */
    public static final String SUBJECT_LINE = "subjectLine";
    private static final List<String> PARTS = List.of(".html", ".subject.txt", ".txt");

    private final Engine engine;
    private final DeliveryConfig config;
    private final TemplateOverrides overrides;
    private final TrackedLinks tracked;

    EmailRenderer(Engine engine, DeliveryConfig config, TemplateOverrides overrides, TrackedLinks tracked) {
        this.engine = engine;
        this.config = config;
        this.overrides = overrides;
        this.tracked = tracked;
    }

    /** Fails the start when an offered template lacks one of its three files. */
    void checkTemplates(@Observes StartupEvent start) {
        List<String> missing = config.templates().stream()
                .flatMap(id -> PARTS.stream().map(part -> "email/" + id + part))
                .filter(path -> engine.getTemplate(path) == null)
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("triggerforge.delivery.templates names templates without these files under"
                    + " src/main/resources/templates: " + missing);
        }
    }

    /** The template ids the server offers, in configured order, then those of the active rule-set version. */
    public List<String> templateIds() {
        List<String> ids = new ArrayList<>(config.templates());
        overrides.ids().stream().filter(id -> !ids.contains(id)).sorted().forEach(ids::add);
        return List.copyOf(ids);
    }

    public boolean offers(String templateId) {
        return config.templates().contains(templateId) || overrides.get(templateId + ".html") != null;
    }

    /** The email for these variables with plain, untracked links. */
    public RenderedEmail render(String templateId, Map<String, Object> variables) {
        return render(templateId, variables, false);
    }

    /**
     * The email of a real send: its links lead through signed tracking links of that send, and the templates also
     * see {@code links.unsubscribe} and {@code links.openPixel}.
     *
     * @param sendKey the idempotency key of the outbox row being sent
     */
    public RenderedEmail renderSend(String templateId, Map<String, Object> variables, String sendKey) {
        return render(templateId, variables, false, sendKey);
    }

    /**
     * The email for a decision's variables, from {@code templates/email/{id}.subject.txt} (unless a trigger or variant
     * parameter {@code subjectLine} sets the subject), {@code {id}.html} and {@code {id}.txt}; besides the variables,
     * the templates see {@code links}, {@code shop} and {@code preview}.
     *
     * @param preview true when the variables are partly sample data, which the template then says
     * @throws UnknownTemplateException when the server does not offer {@code templateId}
     * @throws io.quarkus.qute.TemplateException when the template cannot be rendered with these variables
     */
    public RenderedEmail render(String templateId, Map<String, Object> variables, boolean preview) {
        return render(templateId, variables, preview, null);
    }

    private RenderedEmail render(String templateId, Map<String, Object> variables, boolean preview, String sendKey) {
        if (!offers(templateId)) {
            throw new UnknownTemplateException(templateId);
        }
        Map<String, String> plain = Links.of(config.shopUrl(), templateId, variables);
        Map<String, String> shop = Map.of("name", config.shopName(), "url", plain.get("shop"),
                "currency", config.currency());
        Map<String, String> links = sendKey == null ? plain : tracked.track(sendKey, plain);
        String subject = variables.get(SUBJECT_LINE) instanceof String line && !line.isBlank() ? line
                : instance(templateId + ".subject.txt", variables, links, shop, preview).render();
        String html = instance(templateId + ".html", variables, links, shop, preview).render();
        String text = instance(templateId + ".txt", variables, links, shop, preview).render();
        return new RenderedEmail(oneLine(subject), html, tidy(text));
    }

    private TemplateInstance instance(String file, Map<String, Object> variables, Map<String, String> links,
                                      Map<String, String> shop, boolean preview) {
        Template uploaded = overrides.get(file);
        Template template = uploaded != null ? uploaded : engine.getTemplate("email/" + file);
        if (template == null) {
            throw new UnknownTemplateException(file);
        }
        TemplateInstance instance = template.instance();
        variables.forEach(instance::data);
        return instance.data("links", links).data("shop", shop).data("preview", preview);
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    private static String tidy(String text) {
        return text.replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip() + "\n";
    }
}
