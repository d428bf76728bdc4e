package dev.triggerforge.rules.fact;

import dev.triggerforge.rules.state.Wait;

/**
 * A wait whose time has come, put into the session for one firing so the trigger's rule can filter it (its subject
 * must still be alive: for a cart, still open and not empty) and ask for the send.
 */
public final class Due {

    private final Wait wait;
    private final boolean subjectAlive;
    private boolean handled;

    public Due(Wait wait, boolean subjectAlive) {
        this.wait = wait;
        this.subjectAlive = subjectAlive;
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

    /** Whether what the wait is about still holds: the cart is open and not empty; always true for other subjects. */
    public boolean isSubjectAlive() {
        return subjectAlive;
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
