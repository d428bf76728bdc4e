package dev.triggerforge.server.delivery.render;

import dev.triggerforge.rules.compile.CompileError;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The templates of the active rule-set version, parsed with Qute. They take precedence over the built-in templates of
 * the same id, so a marketer can ship a new email with the trigger that sends it.
 */
@ApplicationScoped
public class TemplateOverrides {

    private final Engine engine;
    private volatile Map<String, Template> active = Map.of();

    TemplateOverrides(Engine engine) {
        this.engine = engine;
    }

    /**
     * Parses templates given as part name ({@code {id}.subject.txt}, {@code {id}.html}, {@code {id}.txt}) to source;
     * the errors are located like rule errors, with the part as the source.
     */
    public Map<String, Template> parse(Map<String, String> parts, List<CompileError> errors) {
        Map<String, Template> parsed = new ConcurrentHashMap<>();
        parts.forEach((name, source) -> {
            try {
                parsed.put(name, engine.parse(source == null ? "" : source));
            } catch (TemplateException e) {
                int line = e.getOrigin() == null ? 1 : Math.max(1, e.getOrigin().getLine());
                errors.add(new CompileError("template:" + name, line, 1, e.getMessage()));
            }
        });
        return parsed;
    }

    /** Makes these parsed templates the active overrides, replacing the previous version's. */
    public void activate(Map<String, Template> templates) {
        active = Map.copyOf(templates);
    }

    Template get(String part) {
        return active.get(part);
    }

    List<String> ids() {
        List<String> ids = new ArrayList<>();
        for (String part : active.keySet()) {
            if (part.endsWith(".html")) {
                ids.add(part.substring(0, part.length() - ".html".length()));
            }
        }
        return ids;
    }
}
