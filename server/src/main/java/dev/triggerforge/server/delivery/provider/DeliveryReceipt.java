package dev.triggerforge.server.delivery.provider;

/** What a provider says after accepting an email: which provider, and its own id for the message when it gave one. */
public record DeliveryReceipt(String provider, String providerMessageId) {
}
