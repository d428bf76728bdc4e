package dev.triggerforge.rules.session;

import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.rules.state.Wait;

/** What the rule runtime needs from the session that hosts it. */
interface SessionHooks {

    CustomerProfile profile(String customerId);

    void waitStarted(Wait w);

    void waitRestarted(Wait w, String eventId);

    void waitCancelled(Wait w, String eventId);

    void waitLapsed(Wait w);
}
