package dev.triggerforge.rules.session;

import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.rules.state.CustomerState;

/**
 * One customer's state on its way from one partition's session to another's: when an anonymous visitor turns out
 * to be a customer whose events another partition handles, the visitor's cart and waits follow them there.
 */
public record CustomerHandover(String customerId, CustomerProfile profile, CustomerState state) {
}
