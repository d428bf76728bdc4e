package dev.triggerforge.server.feedback;

import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.event.EventType;
import dev.triggerforge.model.event.Purchase;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which events are feedback on emails (and purchases, which convert them), and their stored form both ways, so the
 * server hands the experiment analyzer the very events the simulator would.
 */
public final class Feedback {

    /** The property naming the send an event is about: the send's idempotency key. */
    public static final String SEND_ID = "sendId";
    private static final Set<EventType> TYPES = Set.of(EventType.EMAIL_DELIVERED, EventType.EMAIL_OPEN,
            EventType.EMAIL_CLICK, EventType.EMAIL_UNSUBSCRIBE, EventType.EMAIL_BOUNCE, EventType.PURCHASE);

    private Feedback() {
    }

    public static boolean isFeedback(CustomerEvent event) {
        return TYPES.contains(event.type());
    }

    public static FeedbackRecord row(CustomerEvent event) {
        FeedbackRecord r = new FeedbackRecord();
        r.eventId = event.eventId();
        r.customerId = event.customerId();
        r.eventType = event.type().name();
        r.occurredAt = event.occurredAt();
        r.sendId = event.text(SEND_ID);
        if (event.is(EventType.PURCHASE)) {
            Purchase purchase = event.purchase();
            r.revenue = purchase.total();
            r.currency = purchase.currency();
        }
        return r;
    }

    /** The event again, with the properties attribution reads: the send id and a purchase's total and currency. */
    public static CustomerEvent event(FeedbackRecord r) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(SEND_ID, r.sendId);
        properties.put("total", r.revenue);
        properties.put("currency", r.currency);
        return CustomerEvent.of(r.eventId, r.customerId, EventType.of(r.eventType), r.occurredAt, properties);
    }
}
