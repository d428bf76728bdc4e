package dev.triggerforge.rules.synthetic;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triggerforge.model.event.CartLine;
import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.event.Purchase;
import dev.triggerforge.model.json.EventCodec;
import dev.triggerforge.model.json.Json;
import dev.triggerforge.model.profile.CustomerProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Synthetic traffic is reproducible, well-formed and has the shape the built-in triggers react to. */
class SyntheticTrafficTest {

    private static final SyntheticTraffic WEEK = SyntheticTraffic.generate(SyntheticConfig.of(3_000, 7, 42));

    @Test
    void sameConfigGivesTheSameBytesAndAnotherSeedDoesNot() throws IOException {
        SyntheticConfig config = SyntheticConfig.of(400, 3, 7);
        SyntheticTraffic first = SyntheticTraffic.generate(config);
        SyntheticTraffic second = SyntheticTraffic.generate(config);
        SyntheticTraffic other = SyntheticTraffic.generate(SyntheticConfig.of(400, 3, 8));

        assertThat(eventLines(second)).isEqualTo(eventLines(first));
        assertThat(profileLines(second)).isEqualTo(profileLines(first));
        assertThat(eventLines(other)).isNotEqualTo(eventLines(first));
        assertThat(profileLines(other)).isNotEqualTo(profileLines(first));
        assertThat(first.events()).hasSizeGreaterThan(1_000);
    }

    @Test
    void aCustomersEventsDependOnlyOnSeedAndCustomerNumber() {
        SyntheticTraffic small = SyntheticTraffic.generate(SyntheticConfig.of(60, 7, 5));
        SyntheticTraffic large = SyntheticTraffic.generate(SyntheticConfig.of(9_000, 7, 5));

        Set<String> firstSixty = small.profiles().stream().map(CustomerProfile::customerId).collect(Collectors.toSet());
        List<CustomerEvent> sameCustomersInLarge = large.events().stream()
                .filter(e -> firstSixty.contains(e.customerId())).toList();
        assertThat(sameCustomersInLarge).isEqualTo(small.events());
        assertThat(large.profiles().subList(0, 60)).isEqualTo(small.profiles());
    }

    @Test
    void eventsAreStrictlyOrderedByTimeThenIdAndInsideThePeriod() {
        SyntheticConfig config = SyntheticConfig.of(3_000, 7, 42);
        Instant end = config.start().plus(Duration.ofDays(7));
        List<CustomerEvent> events = WEEK.events();

        for (int i = 1; i < events.size(); i++) {
            assertThat(SyntheticTraffic.EVENT_ORDER.compare(events.get(i - 1), events.get(i)))
                    .as("event %d after event %d", i, i - 1).isNegative();
        }
        assertThat(events).allSatisfy(e -> assertThat(e.occurredAt()).isAfterOrEqualTo(config.start()).isBefore(end));
        assertThat(config.end()).isEqualTo(end);
    }

    @Test
    void idsFollowTheDocumentedPatterns() {
        assertThat(WEEK.profiles()).hasSize(3_000);
        assertThat(WEEK.profiles().get(123).customerId()).isEqualTo("cust-000123");
        assertThat(WEEK.events()).allSatisfy(e -> assertThat(e.eventId())
                .startsWith("s42-c" + e.customerId().substring("cust-".length()) + "-"));
        assertThat(WEEK.events().stream().map(CustomerEvent::eventId).distinct().count())
                .isEqualTo(WEEK.events().size());
    }

    @Test
    void everyEventRoundTripsThroughTheCodec() {
        assertThat(WEEK.events()).allSatisfy(e -> assertThat(EventCodec.decode(EventCodec.encode(e))).isEqualTo(e));
    }

    @Test
    void profileLinesParseBackToTheSameProfiles() throws IOException {
        ObjectMapper mapper = Json.mapper();
        String[] lines = profileLines(WEEK).split("\n");

        assertThat(lines).hasSize(WEEK.profiles().size());
        for (int i = 0; i < lines.length; i++) {
            assertThat(mapper.readValue(lines[i], CustomerProfile.class)).isEqualTo(WEEK.profiles().get(i));
        }
    }

    @Test
    void visitsFollowLocalShoppingHours() {
        Map<String, CustomerProfile> profiles = byId(WEEK.profiles());
        long[] perHour = new long[24];
        for (CustomerEvent e : WEEK.events()) {
            perHour[e.occurredAt().atZone(profiles.get(e.customerId()).zone()).getHour()]++;
        }
        double dayAndEvening = mean(perHour, 12, 21);
        double night = mean(perHour, 0, 6);

        assertThat(dayAndEvening).isGreaterThan(4 * night);
        assertThat(night).isPositive();
    }

    @Test
    void customersLiveInSeveralTimeZonesWithMatchingLocales() {
        Map<String, Long> zones = WEEK.profiles().stream()
                .collect(Collectors.groupingBy(CustomerProfile::timezone, TreeMap::new, Collectors.counting()));

        assertThat(zones.keySet()).contains("Europe/Berlin", "Europe/London", "America/New_York",
                "America/Los_Angeles", "Asia/Tokyo", "UTC");
        assertThat(WEEK.profiles()).allSatisfy(p -> {
            if (p.timezone().equals("Asia/Tokyo")) {
                assertThat(p.locale()).isEqualTo("ja-JP");
            } else if (p.timezone().equals("Europe/Berlin")) {
                assertThat(p.locale()).isEqualTo("de-DE");
            }
        });
    }

    @Test
    void someCustomersViewOneProductThreeTimesWithinADay() {
        Map<String, List<Instant>> viewsByCustomerAndSku = new HashMap<>();
        for (CustomerEvent e : WEEK.events()) {
            if (e.type().name().equals("product_view")) {
                viewsByCustomerAndSku.computeIfAbsent(e.customerId() + "|" + e.productView().sku(),
                        k -> new ArrayList<>()).add(e.occurredAt());
            }
        }
        Set<String> withTriple = new HashSet<>();
        viewsByCustomerAndSku.forEach((key, times) -> {
            for (int i = 2; i < times.size(); i++) {
                if (!times.get(i).isAfter(times.get(i - 2).plus(Duration.ofHours(24)))) {
                    withTriple.add(key.substring(0, key.indexOf('|')));
                }
            }
        });

        assertThat(withTriple).hasSizeGreaterThan(WEEK.profiles().size() / 20);
    }

    @Test
    void cartsAreBoughtOrAbandonedAndOrdersHoldTheCart() {
        Map<String, Map<String, Long>> carts = new HashMap<>();
        Map<String, Instant> lastCartActivity = new HashMap<>();
        int purchases = 0;
        int abandoned = 0;
        for (CustomerEvent e : WEEK.events()) {
            String type = e.type().name();
            Instant previous = lastCartActivity.get(e.customerId());
            if (previous != null && e.occurredAt().isAfter(previous.plus(Duration.ofMinutes(30)))
                    && !carts.get(e.customerId()).isEmpty()) {
                abandoned++;
                lastCartActivity.remove(e.customerId());
            }
            Map<String, Long> cart = carts.computeIfAbsent(e.customerId(), id -> new LinkedHashMap<>());
            if (type.equals("cart_add")) {
                CartLine line = e.cartLine();
                cart.merge(line.sku(), (long) line.quantity(), Long::sum);
                lastCartActivity.put(e.customerId(), e.occurredAt());
            } else if (type.equals("cart_remove")) {
                assertThat(cart).containsKey(e.cartLine().sku());
                cart.remove(e.cartLine().sku());
                lastCartActivity.put(e.customerId(), e.occurredAt());
            } else if (type.equals("purchase")) {
                Purchase order = e.purchase();
                assertThat(order.lines().stream().collect(Collectors.toMap(CartLine::sku, l -> (long) l.quantity())))
                        .isEqualTo(cart);
                assertThat(order.total()).isEqualByComparingTo(order.lines().stream()
                        .map(CartLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add));
                assertThat(order.currency()).isEqualTo("EUR");
                cart.clear();
                lastCartActivity.remove(e.customerId());
                purchases++;
            }
        }

        assertThat(purchases).isGreaterThan(50);
        assertThat(abandoned).isGreaterThan(50);
        assertThat(count("cart_add")).isGreaterThan(purchases);
        assertThat(count("cart_remove")).isPositive();
        assertThat(count("checkout_start")).isGreaterThan(purchases);
        assertThat(count("search")).isPositive();
        assertThat(count("category_view")).isPositive();
        assertThat(WEEK.events().stream().filter(e -> e.type().name().equals("purchase"))
                .map(e -> e.purchase().orderId()).distinct().count()).isEqualTo(purchases);
    }

    @Test
    void newCustomersSignUpAndKnownCustomersStartWithAProfile() {
        Map<String, CustomerEvent> signups = WEEK.events().stream().filter(e -> e.type().name().equals("signup"))
                .collect(Collectors.toMap(CustomerEvent::customerId, Function.identity()));
        List<CustomerProfile> known = WEEK.profiles().stream().filter(p -> p.email() != null).toList();
        List<CustomerProfile> fresh = WEEK.profiles().stream().filter(p -> p.email() == null).toList();

        assertThat(signups.size()).isBetween(150, 450);
        assertThat(signups.size()).isGreaterThan(fresh.size() * 9 / 10);
        assertThat(fresh).allSatisfy(p -> {
            assertThat(p.marketingConsent()).isFalse();
            assertThat(p.timezone()).isNotNull();
            assertThat(p.locale()).isNotNull();
        });
        assertThat(signups.values()).allSatisfy(e -> {
            assertThat(e.text("email")).contains("@");
            assertThat(e.text("firstName")).isNotBlank();
            assertThat(e.properties().get("marketingConsent")).isInstanceOf(Boolean.class);
            assertThat(byId(fresh)).containsKey(e.customerId());
        });
        assertThat(known).allSatisfy(p -> assertThat(p.value("firstName")).isNotNull());
        double consent = known.stream().filter(CustomerProfile::marketingConsent).count() / (double) known.size();
        assertThat(consent).isBetween(0.5, 0.7);
    }

    @Test
    void productsComeFromTheCatalogWithExactTypes() {
        CustomerEvent view = first("product_view");
        CustomerEvent add = first("cart_add");

        assertThat(view.properties()).containsOnlyKeys("sku", "name", "category", "price", "url", "imageUrl");
        assertThat(view.text("sku")).matches("SKU-\\d{4}");
        assertThat(view.text("url")).isEqualTo("https://shop.example/p/" + view.text("sku"));
        assertThat(add.properties()).containsOnlyKeys("sku", "name", "price", "quantity", "url", "imageUrl");
        assertThat(add.properties().get("quantity")).isInstanceOf(Long.class);
        Set<String> categories = new HashSet<>();
        for (CustomerEvent e : WEEK.events()) {
            if (e.type().name().equals("product_view")) {
                assertThat(e.properties().get("price")).isInstanceOfSatisfying(BigDecimal.class,
                        p -> assertThat(p.scale()).isEqualTo(2));
                categories.add(e.text("category"));
            }
        }
        assertThat(categories).hasSize(10);
    }

    @Test
    void badArgumentsAreRejectedWithReadableMessages() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SyntheticConfig.of(0, 7, 1)).withMessage("customers must be at least 1, got 0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SyntheticConfig.of(10, 0, 1)).withMessageContaining("days must be from 1");
        Behaviour d = Behaviour.DEFAULTS;
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Behaviour(d.sessionsPerDay(), d.newCustomerShare(), 1.5,
                        d.searchProbability(), d.categoryViewProbability(), d.productViewsPerSession(),
                        d.reViewProbability(), d.cartAddProbability(), d.cartRemoveProbability(),
                        d.checkoutStartProbability(), d.purchaseProbability(), d.catalogSize()))
                .withMessage("consentShare must be between 0 and 1, got 1.5");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Behaviour(-1, d.newCustomerShare(), d.consentShare(),
                        d.searchProbability(), d.categoryViewProbability(), d.productViewsPerSession(),
                        d.reViewProbability(), d.cartAddProbability(), d.cartRemoveProbability(),
                        d.checkoutStartProbability(), d.purchaseProbability(), d.catalogSize()))
                .withMessageContaining("sessionsPerDay");
    }

    @Test
    void withoutVisitsNewCustomersStillSignUpAcrossADaylightSavingChange() {
        Behaviour everyoneNew = new Behaviour(0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1);
        SyntheticTraffic traffic = SyntheticTraffic.generate(
                new SyntheticConfig(50, 1, 3, Instant.parse("2026-03-29T00:00:00Z"), everyoneNew));

        assertThat(traffic.events()).extracting(e -> e.type().name()).containsOnly("page_view", "signup");
        assertThat(traffic.events().stream().filter(e -> e.type().name().equals("signup")).count()).isEqualTo(50);
    }

    private static long count(String type) {
        return WEEK.events().stream().filter(e -> e.type().name().equals(type)).count();
    }

    private static CustomerEvent first(String type) {
        return WEEK.events().stream().filter(e -> e.type().name().equals(type)).findFirst().orElseThrow();
    }

    private static Map<String, CustomerProfile> byId(List<CustomerProfile> profiles) {
        return profiles.stream().collect(Collectors.toMap(CustomerProfile::customerId, Function.identity()));
    }

    private static double mean(long[] perHour, int from, int to) {
        long sum = 0;
        for (int h = from; h < to; h++) {
            sum += perHour[h];
        }
        return (double) sum / (to - from);
    }

    private static String eventLines(SyntheticTraffic traffic) throws IOException {
        StringWriter out = new StringWriter();
        traffic.writeEvents(out);
        return out.toString();
    }

    private static String profileLines(SyntheticTraffic traffic) throws IOException {
        StringWriter out = new StringWriter();
        traffic.writeProfiles(out);
        return out.toString();
    }
}
