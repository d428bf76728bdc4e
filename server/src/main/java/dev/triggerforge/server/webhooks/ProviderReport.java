package dev.triggerforge.server.webhooks;

import java.time.Instant;

/**
 * One item of a provider webhook: what happened ({@code delivered}, {@code bounce}, {@code complaint}) to which send
 * (our idempotency key or the provider's message id), the bounce kind ({@code hard}, {@code soft}) and when.
 */
public record ProviderReport(String type, String sendId, String bounce, Instant at) {
}
