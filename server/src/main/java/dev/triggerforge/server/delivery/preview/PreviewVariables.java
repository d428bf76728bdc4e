package dev.triggerforge.server.delivery.preview;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.triggerforge.model.json.Json;
import dev.triggerforge.rules.personalization.Personalizer;
import dev.triggerforge.server.delivery.DeliveryConfig;
import dev.triggerforge.server.delivery.Recipients;
import dev.triggerforge.server.sends.SendRecord;
import dev.triggerforge.server.store.Database;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Chooses what a preview renders: the variables of the customer's latest send of that template when there is one
 * (what they actually got), else sample data around the customer's profile.
 */
@ApplicationScoped
public class PreviewVariables {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    /** The variables, and whether part of them is sample data. */
    public record Preview(Map<String, Object> variables, boolean sample) {
    }

    private final Database database;
    private final Recipients recipients;
    private final DeliveryConfig config;

    PreviewVariables(Database database, Recipients recipients, DeliveryConfig config) {
        this.database = database;
        this.recipients = recipients;
        this.config = config;
    }

    /**
     * @param customerId null for a sample customer
     * @throws UnknownCustomerException when the customer has neither a send of this template nor a profile
     */
    public Preview of(String templateId, String customerId) {
        if (customerId == null || customerId.isBlank()) {
            return new Preview(SampleData.variables(SampleData.customer(), config.currency()), true);
        }
        List<String> latest = QuarkusTransaction.requiringNew().call(() -> database.session()
                .createSelectionQuery("select variables from SendRecord where customerId = :customer"
                        + " and templateId = :template order by decidedAt desc", String.class)
                .setParameter("customer", customerId)
                .setParameter("template", templateId)
                .setMaxResults(1)
                .getResultList());
        if (!latest.isEmpty()) {
            return new Preview(parse(latest.get(0)), false);
        }
        Map<String, Object> customer = recipients.profile(customerId)
                .map(Personalizer::customer)
                .orElseThrow(() -> new UnknownCustomerException(customerId));
        return new Preview(SampleData.variables(customer, config.currency()), true);
    }

    private static Map<String, Object> parse(String variables) {
        try {
            return Json.mapper().readValue(variables, MAP);
        } catch (IOException e) {
            throw new IllegalStateException("stored send variables are not valid JSON", e);
        }
    }
}
