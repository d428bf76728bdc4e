package dev.triggerforge.rules.synthetic;

import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.event.EventType;
import dev.triggerforge.rules.synthetic.Catalog.Product;
import dev.triggerforge.rules.synthetic.Population.Customer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One customer's visits over the period, from their own random stream: landing pages, search and category pages,
 * product views that come back to recently seen products, a cart kept across visits, checkouts and purchases or
 * abandoned carts. Events of one customer never overlap in time, so the cart always means what it says.
 */
final class Journey {

    private static final long PAUSE_BETWEEN_VISITS = 15 * 60_000L;
    private static final double FOCUS_CATEGORY_SHARE = 0.7;
    private static final double EXTRA_PAGE_VIEW_PROBABILITY = 0.35;
    private static final int MAX_STEPS = 60;
    private static final List<Map<String, Object>> PAGES = pages("", "new", "sale", "brands", "stores", "help",
            "journal/style-guide");
    private static final String[] TERMS = {"black", "sale", "leather", "summer", "wool", "gift", "new", "linen",
            "organic", "slim"};

    private final Behaviour behaviour;
    private final Catalog catalog;
    private final Seasonality clock;
    private final Customer customer;
    private final SplittableRandom r;
    private final List<CustomerEvent> out;
    private final String idPrefix;
    private final Basket cart = new Basket();
    private final RecentViews recent = new RecentViews();
    private int sequence;
    private boolean open;

    private Journey(SyntheticConfig config, Catalog catalog, Seasonality clock, Customer customer,
                    SplittableRandom r, List<CustomerEvent> out) {
        this.behaviour = config.behaviour();
        this.catalog = catalog;
        this.clock = clock;
        this.customer = customer;
        this.r = r;
        this.out = out;
        this.idPrefix = "s" + config.seed() + "-c" + customer.number() + "-";
    }

    /** Appends the customer's events, in time order, to {@code out}. */
    static void generate(SyntheticConfig config, Catalog catalog, Seasonality clock, Customer customer,
                         SplittableRandom r, List<CustomerEvent> out) {
        new Journey(config, catalog, clock, customer, r, out).run(config.days());
    }

    private void run(int days) {
        int visits = poisson(behaviour.sessionsPerDay() * days * r.nextExponential());
        if (customer.isNew()) {
            visits = Math.max(1, visits);
        }
        long[] starts = new long[visits];
        for (int i = 0; i < visits; i++) {
            starts[i] = clock.visitStart(customer.zone(), r);
        }
        Arrays.sort(starts);
        long free = Long.MIN_VALUE;
        boolean signUp = customer.isNew();
        for (long start : starts) {
            long t = Math.max(start, free);
            if (t >= clock.endMillis()) {
                return;
            }
            free = visit(t, signUp) + PAUSE_BETWEEN_VISITS;
            signUp = false;
        }
    }

    /** One visit from {@code start}; returns the time of its last step. */
    private long visit(long start, boolean signUp) {
        open = true;
        long t = start;
        int focus = catalog.categoryOf(catalog.random(r));
        emit(EventType.PAGE_VIEW, t, PAGES.get(r.nextInt(PAGES.size())));
        if (signUp) {
            t = next(t);
            emit(EventType.SIGNUP, t, signup());
        }
        while (r.nextDouble() < EXTRA_PAGE_VIEW_PROBABILITY) {
            t = next(t);
            emit(EventType.PAGE_VIEW, t, PAGES.get(r.nextInt(PAGES.size())));
        }
        if (r.nextDouble() < behaviour.searchProbability()) {
            t = next(t);
            String query = TERMS[r.nextInt(TERMS.length)] + " " + Catalog.CATEGORIES[focus];
            emit(EventType.SEARCH, t, Map.of("query", query));
        }
        if (r.nextDouble() < behaviour.categoryViewProbability()) {
            t = next(t);
            emit(EventType.CATEGORY_VIEW, t, Map.of("category", Catalog.CATEGORIES[focus]));
        }
        Product last = null;
        for (int i = geometric(behaviour.productViewsPerSession()); i > 0; i--) {
            t = next(t);
            last = pick(t, focus);
            emit(EventType.PRODUCT_VIEW, t, last.viewProperties());
            recent.remember(last.index(), t);
        }
        if (last != null && r.nextDouble() < behaviour.cartAddProbability()) {
            t = fillCart(t, last, focus);
        }
        if (!cart.isEmpty() && r.nextDouble() < behaviour.cartRemoveProbability()) {
            t = next(t);
            emit(EventType.CART_REMOVE, t, cart.remove(r.nextInt(cart.size())));
        }
        if (!cart.isEmpty() && r.nextDouble() < behaviour.checkoutStartProbability()) {
            t = next(t);
            emit(EventType.CHECKOUT_START, t, cart.checkout());
            if (r.nextDouble() < behaviour.purchaseProbability()) {
                t += 60_000 + r.nextLong(240_000);
                emit(EventType.PURCHASE, t, cart.order("o-" + idPrefix + sequence));
                cart.clear();
            }
        }
        return t;
    }

    /** Adds 1 to 3 lines: the product just viewed, then others seen lately or from the same category. */
    private long fillCart(long start, Product first, int focus) {
        long t = start;
        int lines = 1 + r.nextInt(3);
        for (int i = 0; i < lines; i++) {
            Product p = i == 0 ? first : pick(t, focus);
            long quantity = r.nextInt(6) == 0 ? 2 : 1;
            t = next(t);
            emit(EventType.CART_ADD, t, p.line(quantity));
            cart.add(p, quantity);
        }
        return t;
    }

    /** A product to look at: a recent one again with the re-view probability, else mostly from the focus category. */
    private Product pick(long now, int focus) {
        if (r.nextDouble() < behaviour.reViewProbability()) {
            int again = recent.pickAgain(now, r);
            if (again >= 0) {
                return catalog.get(again);
            }
        }
        return r.nextDouble() < FOCUS_CATEGORY_SHARE ? catalog.randomIn(focus, r) : catalog.random(r);
    }

    private Map<String, Object> signup() {
        Map<String, Object> m = new LinkedHashMap<>(4);
        m.put("email", customer.email());
        m.put("firstName", customer.firstName());
        m.put("marketingConsent", customer.consent());
        return m;
    }

    /** Records an event unless the visit has run past the end of the period (then the rest of it is cut off). */
    private void emit(EventType type, long at, Map<String, Object> properties) {
        if (!open || at >= clock.endMillis()) {
            open = false;
            return;
        }
        out.add(new CustomerEvent(idPrefix + sequence++, customer.id(), type, Instant.ofEpochMilli(at), properties));
    }

    /** The time of the next step: a few seconds to a few minutes of reading later. */
    private long next(long t) {
        return t + 3_000 + (long) (r.nextExponential() * 45_000);
    }

    /** A count on 0, 1, 2, ... with the given mean. */
    private int geometric(double mean) {
        double more = mean / (1 + mean);
        int n = 0;
        while (n < MAX_STEPS && r.nextDouble() < more) {
            n++;
        }
        return n;
    }

    private int poisson(double mean) {
        if (mean > 30) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * r.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = r.nextDouble();
        int n = 0;
        while (product > limit) {
            product *= r.nextDouble();
            n++;
        }
        return n;
    }

    private static List<Map<String, Object>> pages(String... paths) {
        List<Map<String, Object>> pages = new ArrayList<>(paths.length);
        for (String path : paths) {
            pages.add(Map.of("url", "https://shop.example/" + path));
        }
        return List.copyOf(pages);
    }
}
