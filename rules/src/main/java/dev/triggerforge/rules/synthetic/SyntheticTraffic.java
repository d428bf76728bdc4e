package dev.triggerforge.rules.synthetic;

import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.json.EventCodec;
import dev.triggerforge.model.json.Json;
import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.rules.synthetic.Population.Customer;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A seeded, reproducible shop population and its events over a period, for simulating rule sets without production
 * data: the same {@link SyntheticConfig} gives the same profiles and events byte for byte.
 *
 * <p>Every customer has a profile row. Known customers' profiles carry email, consent and first name; customers who
 * sign up during the period start with only id, time zone and locale (no consent), and their {@code signup} event at
 * their first visit carries email, first name and consent. Each customer's events come from a random stream derived
 * from (seed, customer number) only, so customers can be generated in parallel; the events are then sorted by time,
 * then event id.
 */
public final class SyntheticTraffic {

    /** The order of {@link #events()}: event time, then event id. */
    public static final Comparator<CustomerEvent> EVENT_ORDER = TimeOrder.EVENT_ORDER;

    private static final int CUSTOMERS_PER_CHUNK = 4096;
    private static final int EVENTS_PER_WRITE_BLOCK = 16_384;

    private final List<CustomerProfile> profiles;
    private final List<CustomerEvent> events;

    private SyntheticTraffic(List<CustomerProfile> profiles, List<CustomerEvent> events) {
        this.profiles = profiles;
        this.events = events;
    }

    public static SyntheticTraffic generate(SyntheticConfig config) {
        Catalog catalog = Catalog.of(config.behaviour().catalogSize());
        Seasonality clock = new Seasonality(config.start(), config.end());
        Population population = new Population(config.behaviour(), config.customers());
        int chunks = (config.customers() + CUSTOMERS_PER_CHUNK - 1) / CUSTOMERS_PER_CHUNK;
        List<Chunk> parts = IntStream.range(0, chunks).parallel()
                .mapToObj(i -> chunk(config, catalog, clock, population, i))
                .toList();
        List<CustomerProfile> profiles = new ArrayList<>(config.customers());
        List<CustomerEvent> events = new ArrayList<>(parts.stream().mapToInt(p -> p.events.size()).sum());
        for (Chunk part : parts) {
            profiles.addAll(part.profiles);
            events.addAll(part.events);
        }
        List<CustomerEvent> sorted = TimeOrder.sort(events, clock.startMillis(), clock.endMillis());
        return new SyntheticTraffic(Collections.unmodifiableList(profiles), Collections.unmodifiableList(sorted));
    }

    private static Chunk chunk(SyntheticConfig config, Catalog catalog, Seasonality clock, Population population,
                               int index) {
        int from = index * CUSTOMERS_PER_CHUNK;
        int to = Math.min(config.customers(), from + CUSTOMERS_PER_CHUNK);
        Chunk chunk = new Chunk(new ArrayList<>(to - from), new ArrayList<>((to - from) * 16));
        for (int c = from; c < to; c++) {
            SplittableRandom r = new SplittableRandom(Ids.derive(config.seed(), c));
            Customer customer = population.draw(c, r);
            chunk.profiles.add(customer.profile());
            Journey.generate(config, catalog, clock, customer, r, chunk.events);
        }
        return chunk;
    }

    /** One profile per customer, in customer order. */
    public List<CustomerProfile> profiles() {
        return profiles;
    }

    /** All events, sorted by {@code occurredAt}, then {@code eventId}. */
    public List<CustomerEvent> events() {
        return events;
    }

    /** Writes the events as JSON Lines, one {@link EventCodec#encode} object per line (encoded in parallel blocks). */
    public void writeEvents(Writer out) throws IOException {
        for (int from = 0; from < events.size(); from += EVENTS_PER_WRITE_BLOCK) {
            List<CustomerEvent> block = events.subList(from, Math.min(events.size(), from + EVENTS_PER_WRITE_BLOCK));
            for (String line : block.parallelStream().map(EventCodec::encode).toList()) {
                out.write(line);
                out.write('\n');
            }
        }
    }

    /** Writes the profiles as JSON Lines, one shared-mapper object per line. */
    public void writeProfiles(Writer out) throws IOException {
        for (CustomerProfile p : profiles) {
            out.write(Json.mapper().writeValueAsString(p));
            out.write('\n');
        }
    }

    /** The profiles and events of a run of consecutive customers. */
    private record Chunk(List<CustomerProfile> profiles, List<CustomerEvent> events) {
    }
}
