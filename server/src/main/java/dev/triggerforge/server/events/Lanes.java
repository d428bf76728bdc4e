package dev.triggerforge.server.events;

import dev.triggerforge.model.event.EventType;

import java.util.Set;

/**
 * Which queue an event travels in. Browsing (page, product and category views, searches) is most of the traffic
 * and can wait a little; it goes under {@code browse.<type>} to a queue of its own, so carts, checkouts, purchases,
 * sign-ups and email feedback under {@code event.<type>} are never stuck behind a flood of views.
 */
public final class Lanes {

    public static final Set<EventType> BROWSING = Set.of(EventType.PAGE_VIEW, EventType.PRODUCT_VIEW,
            EventType.CATEGORY_VIEW, EventType.SEARCH);

    private Lanes() {
    }

    public static String routingKey(EventType type) {
        return (BROWSING.contains(type) ? "browse." : "event.") + type.name();
    }
}
