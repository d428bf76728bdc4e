package dev.triggerforge.rules.simulation;

import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.event.CustomerEvent;

import java.util.List;

/**
 * How simulated customers answer an email: the events (open, click, unsubscribe, purchase) a send causes, each at or
 * after the send. Must be deterministic for a given decision, so a run gives the same report however it is
 * partitioned.
 */
public interface ResponseModel {

    /** No answers at all: what a replay of recorded events uses. */
    ResponseModel NONE = decision -> List.of();

    List<CustomerEvent> respondTo(EmailDecision decision);
}
