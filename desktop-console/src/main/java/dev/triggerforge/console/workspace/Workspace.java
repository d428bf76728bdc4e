package dev.triggerforge.console.workspace;

import dev.triggerforge.console.event.DraftEdited;
import dev.triggerforge.console.event.EventBus;
import dev.triggerforge.console.event.GuardrailsEdited;
import dev.triggerforge.console.event.OpenRuleSet;
import dev.triggerforge.console.event.TriggersEdited;
import dev.triggerforge.console.event.WorkspaceChanged;
import dev.triggerforge.model.ruleset.DrlSource;
import dev.triggerforge.model.ruleset.GuardrailSettings;
import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.model.trigger.TriggerSpec;
import dev.triggerforge.rules.library.TriggerLibrary;

import java.util.List;
import java.util.Optional;

/**
 * The rule set the marketer is shaping: the guided editor's trigger specs and, when wanted, the DRL draft, so that
 * simulation, what-if and deployment all take exactly the same thing. Read and changed on the JavaFX thread.
 */
public final class Workspace {

    private final EventBus bus;
    private List<TriggerSpec> triggers;
    private GuardrailSettings guardrails;
    private DrlSource draft;
    private String origin;

    public Workspace(EventBus bus) {
        this.bus = bus;
        RuleSet library = TriggerLibrary.ruleSet();
        this.triggers = library.triggers();
        this.guardrails = library.guardrails();
        this.origin = "built-in library";
        bus.subscribe(TriggersEdited.class, e -> {
            triggers = e.triggers();
            changed();
        });
        bus.subscribe(GuardrailsEdited.class, e -> {
            guardrails = e.guardrails();
            changed();
        });
        bus.subscribe(DraftEdited.class, e -> {
            draft = e.draft();
            changed();
        });
        bus.subscribe(OpenRuleSet.class, e -> {
            triggers = e.ruleSet().triggers();
            guardrails = e.ruleSet().guardrails();
            draft = e.ruleSet().drl().isEmpty() ? null : e.ruleSet().drl().get(0);
            origin = e.origin();
            changed();
        });
    }

    /** The trigger specs and guardrails, with the DRL draft if {@code withDraft} and there is one. */
    public RuleSet ruleSet(boolean withDraft) {
        List<DrlSource> drl = withDraft && draft != null ? List.of(draft) : List.of();
        String name = origin + (drl.isEmpty() ? "" : " + " + draft.name());
        return new RuleSet(name, drl, triggers, guardrails);
    }

    /** The DRL draft, once the editor has one. */
    public Optional<DrlSource> draft() {
        return Optional.ofNullable(draft);
    }

    /** What the working copy started from: the built-in library, a server version, ... */
    public String origin() {
        return origin;
    }

    private void changed() {
        bus.publish(new WorkspaceChanged(this));
    }
}
