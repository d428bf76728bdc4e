package dev.triggerforge.server.customers;

import dev.triggerforge.model.report.TimelineEntry;
import dev.triggerforge.rules.optimization.Explanations;
import dev.triggerforge.rules.session.PendingWait;
import dev.triggerforge.server.engine.Engine;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The timeline lines of a customer's waits that have not fired yet, asked of the engine live: a send held for the
 * customer's best hour shows when it will go out and why before it does.
 */
final class Waiting {

    private static final Logger LOG = Logger.getLogger(Waiting.class);
    private static final long ASK_SECONDS = 5;

    private Waiting() {
    }

    static List<TimelineEntry> entries(Engine engine, String customerId) {
        try {
            return engine.pendingWaits(customerId).toCompletableFuture().get(ASK_SECONDS, TimeUnit.SECONDS).stream()
                    .map(Waiting::entry).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("Pending waits of %s not shown in the timeline: %s", customerId, e);
            return List.of();
        }
    }

    private static TimelineEntry entry(PendingWait w) {
        String when = w.firesAt().equals(w.dueAt()) ? "due " + w.dueAt()
                : "due " + w.dueAt() + ", held until " + w.firesAt();
        return new TimelineEntry(w.firesAt(), "waiting", w.subject(), w.ruleId(),
                when + (w.variant() == null ? "" : ", variant " + w.variant()) + Explanations.summary(w.explanation()),
                null, w.explanation());
    }
}
