package dev.triggerforge.server.webhooks;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** The settings of provider webhooks, under {@code triggerforge.webhooks}; without a secret every report is refused. */
@ConfigMapping(prefix = "triggerforge.webhooks")
public interface WebhookConfig {

    /** Shared secret providers send in {@code X-TriggerForge-Webhook-Secret}. */
    Optional<String> secret();
}
