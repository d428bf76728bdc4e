package dev.triggerforge.rules.fact;

/**
 * A wait whose time has come: the detector timer turns each {@link Wait} into one of these, and the trigger's own
 * rule only has to filter it (e.g. "the cart still holds items") and hand it to the guardrails.
 */
public final class Due {

    private final Wait wait;
    private boolean handled;

    public Due(Wait wait) {
        this.wait = wait;
    }

    public Wait getWait() {
        return wait;
    }

    public String getTriggerId() {
        return wait.getTriggerId();
    }

    public String getCustomerId() {
        return wait.getCustomerId();
    }

    public String getSubject() {
        return wait.getSubject();
    }

    public boolean isHandled() {
        return handled;
    }

    public void markHandled() {
        handled = true;
    }

    @Override
    public String toString() {
        return "Due[" + wait + "]";
    }
}
