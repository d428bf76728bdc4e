package dev.triggerforge.rules.optimization.evaluation;

import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.event.EventType;
import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.rules.guardrail.QuietHours;
import dev.triggerforge.rules.optimization.CustomerSegments;
import dev.triggerforge.rules.optimization.sendtime.PreferredHourReader;
import dev.triggerforge.rules.session.StableHash;
import dev.triggerforge.rules.simulation.ResponseModel;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Synthetic customers whose answers have a right answer to find, so the adaptive models can be scored: each reads at a
 * hidden preferred local hour ({@link PreferredHourReader}) and clicks one variant more than the others, the variant
 * depending on the language of their segment.
 *
 * <p>An email is opened with the reader's chance for its local send hour and, once opened, clicked with
 * {@link #CLICK_BEST} for the customer's best variant and {@link #CLICK_OTHER} for any other. The draws come from
 * streams seeded by the model seed and the decision's idempotency key, one for the open and one for the click, so a
 * decision gets the same answer in every run and partitioning, and two runs that send the same email differently
 * share their random numbers. Every answer carries {@code sendId}, {@code ruleId} and {@code templateId}.
 */
public final class HiddenPreferences implements ResponseModel {

    /** Chance of a click once opened, for the customer's best variant. */
    public static final double CLICK_BEST = 0.35;
    /** Chance of a click once opened, for any other variant. */
    public static final double CLICK_OTHER = 0.12;

    private final long seed;
    private final Map<String, PreferredHourReader> readers = new HashMap<>();
    private final Map<String, String> bestArms = new HashMap<>();

    /**
     * @param profiles       the customers, for their zone and locale
     * @param bestByLanguage the best variant of customers by the language of their locale, such as {@code de -> b}
     * @param usualBest      the best variant of every other customer
     */
    public HiddenPreferences(long seed, Collection<CustomerProfile> profiles, Map<String, String> bestByLanguage,
                             String usualBest) {
        this.seed = seed;
        for (CustomerProfile p : profiles) {
            SplittableRandom r = new SplittableRandom(seed ^ StableHash.of(p.customerId()));
            readers.put(p.customerId(), new PreferredHourReader(p.customerId(), p.zone(),
                    PreferredHourReader.drawHour(r)));
            String language = CustomerSegments.sendTime(p).substring("locale=".length());
            bestArms.put(p.customerId(), bestByLanguage.getOrDefault(language, usualBest));
        }
    }

    /** The customer's hidden reading hour, local to their zone. */
    public int preferredHour(String customerId) {
        return reader(customerId).preferredHour();
    }

    /** The variant the customer clicks most. */
    public String bestArm(String customerId) {
        return bestArms.get(customerId);
    }

    /** The chance that the decision's email is clicked, as sent. */
    public double expectedClick(EmailDecision d) {
        return expectedClick(d.customerId(), d.sendAt(), d.variant());
    }

    /** The chance that the customer clicks {@code variant} sent at {@code sentAt}. */
    public double expectedClick(String customerId, Instant sentAt, String variant) {
        return reader(customerId).openProbability(sentAt) * clickGivenOpen(customerId, variant);
    }

    /**
     * The chance of a click had the customer's best variant been sent at their best allowed moment from
     * {@code due} to {@code due + window}: when due, or at the start of any local hour in the window, each moved out
     * of quiet hours and dropped if that is past the window.
     */
    public double bestClick(String customerId, Instant due, Duration window, QuietHours quiet) {
        PreferredHourReader reader = reader(customerId);
        long end = due.plus(window).toEpochMilli();
        double best = 0;
        Instant candidate = due;
        while (!candidate.isAfter(due.plus(window))) {
            long allowed = quiet.nextAllowed(candidate.toEpochMilli(), reader.zone());
            if (allowed <= end) {
                best = Math.max(best, reader.openProbability(Instant.ofEpochMilli(allowed)));
            }
            candidate = candidate.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        }
        return best * CLICK_BEST;
    }

    @Override
    public List<CustomerEvent> respondTo(EmailDecision d) {
        long hash = StableHash.of(d.idempotencyKey());
        SplittableRandom r = new SplittableRandom(seed ^ hash);
        SplittableRandom opens = r.split();
        SplittableRandom clicks = r.split();
        String idBase = "h-" + Long.toHexString(hash) + "-";
        List<CustomerEvent> out = new ArrayList<>(3);
        Instant delivered = d.sendAt().plusMillis(1_000 + r.nextLong(29_000));
        out.add(answer(idBase + "delivered", EventType.EMAIL_DELIVERED, delivered, d));
        Instant opened = reader(d.customerId()).openOf(d.sendAt(), opens);
        if (opened == null) {
            return out;
        }
        Instant open = opened.isAfter(delivered) ? opened : delivered.plusSeconds(1);
        out.add(answer(idBase + "open", EventType.EMAIL_OPEN, open, d));
        if (clicks.nextDouble() < clickGivenOpen(d.customerId(), d.variant())) {
            out.add(answer(idBase + "click", EventType.EMAIL_CLICK, open.plusMillis(5_000 + clicks.nextLong(295_000)),
                    d));
        }
        return out;
    }

    private double clickGivenOpen(String customerId, String variant) {
        return bestArm(customerId).equals(variant) ? CLICK_BEST : CLICK_OTHER;
    }

    private PreferredHourReader reader(String customerId) {
        PreferredHourReader reader = readers.get(customerId);
        if (reader == null) {
            throw new IllegalArgumentException("no profile for customer '" + customerId + "'");
        }
        return reader;
    }

    private static CustomerEvent answer(String id, EventType type, Instant at, EmailDecision d) {
        Map<String, Object> properties = new LinkedHashMap<>(4);
        properties.put("sendId", d.idempotencyKey());
        properties.put("ruleId", d.ruleId());
        properties.put("templateId", d.templateId());
        return new CustomerEvent(id, d.customerId(), type, at, properties);
    }
}
