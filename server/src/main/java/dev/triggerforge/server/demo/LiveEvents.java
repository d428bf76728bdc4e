package dev.triggerforge.server.demo;

import dev.triggerforge.model.event.CustomerEvent;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The demo's endless feed after the backlog: synthetic events in journey order, each stamped with the moment it is
 * taken, so they reach the server as if they were happening now; a new batch is generated whenever one runs out.
 */
public final class LiveEvents {

    private final DemoJourneys journeys;
    private List<CustomerEvent> batch;
    private int batchNumber;
    private int position;

    LiveEvents(DemoJourneys journeys) {
        this.journeys = journeys;
        this.batch = journeys.batch(0);
    }

    /** The next event, occurring at {@code now} (to the millisecond). */
    public CustomerEvent next(Instant now) {
        while (position == batch.size()) {
            batchNumber++;
            batch = journeys.batch(batchNumber);
            position = 0;
        }
        CustomerEvent e = batch.get(position++);
        return new CustomerEvent(e.eventId(), e.customerId(), e.type(), now.truncatedTo(ChronoUnit.MILLIS),
                e.properties());
    }

    /** Which batch the last event came from: 0 for the rest of the backlog's day, then 1, 2, ... */
    public int batchNumber() {
        return batchNumber;
    }
}
