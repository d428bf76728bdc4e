package dev.triggerforge.rules.synthetic;

import dev.triggerforge.model.profile.CustomerProfile;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Who the synthetic customers are: a realistic mix of time zones with matching locales and first names, and whether
 * each is already known (profile with email and consent) or signs up during the period.
 */
final class Population {

    private static final Region[] REGIONS = {
            new Region("Europe/Berlin", "de-DE", 25, "Anna", "Lukas", "Marie", "Jonas", "Lea", "Felix"),
            new Region("Europe/London", "en-GB", 15, "Olivia", "Harry", "Amelia", "George", "Isla", "Oliver"),
            new Region("Europe/Paris", "fr-FR", 10, "Louise", "Gabriel", "Jade", "Hugo", "Chloe", "Arthur"),
            new Region("America/New_York", "en-US", 20, "Emma", "Liam", "Ava", "Noah", "Mia", "Ethan"),
            new Region("America/Los_Angeles", "en-US", 10, "Sofia", "Mateo", "Harper", "Lucas", "Ella", "Logan"),
            new Region("Asia/Tokyo", "ja-JP", 8, "Yui", "Haruto", "Hina", "Sota", "Aoi", "Ren"),
            new Region("Europe/Madrid", "es-ES", 7, "Lucia", "Hugo", "Martina", "Pablo", "Paula", "Daniel"),
            new Region("UTC", "en", 5, "Alex", "Sam", "Robin", "Kim", "Charlie", "Jordan")};
    private static final int TOTAL_WEIGHT = totalWeight();

    private final Behaviour behaviour;
    private final int idWidth;

    Population(Behaviour behaviour, int customers) {
        this.behaviour = behaviour;
        this.idWidth = Math.max(6, Integer.toString(customers - 1).length());
    }

    /** Customer number {@code index}, drawn from its own random stream. */
    Customer draw(int index, SplittableRandom r) {
        Region region = region(r.nextInt(TOTAL_WEIGHT));
        String number = Ids.zeroPadded(index, idWidth);
        String firstName = region.firstNames[r.nextInt(region.firstNames.length)];
        boolean isNew = r.nextDouble() < behaviour.newCustomerShare();
        boolean consent = r.nextDouble() < behaviour.consentShare();
        String email = firstName.toLowerCase(Locale.ROOT) + "." + number + "@example.com";
        return new Customer("cust-" + number, number, region.zone, region.locale, firstName, email, isNew, consent);
    }

    private static Region region(int ticket) {
        int t = ticket;
        for (Region region : REGIONS) {
            t -= region.weight;
            if (t < 0) {
                return region;
            }
        }
        return REGIONS[REGIONS.length - 1];
    }

    private static int totalWeight() {
        int total = 0;
        for (Region region : REGIONS) {
            total += region.weight;
        }
        return total;
    }

    /** A time zone with its locale, share of customers and common first names. */
    private static final class Region {
        final ZoneId zone;
        final String locale;
        final int weight;
        final String[] firstNames;

        Region(String zone, String locale, int weight, String... firstNames) {
            this.zone = ZoneId.of(zone);
            this.locale = locale;
            this.weight = weight;
            this.firstNames = firstNames;
        }
    }

    /**
     * One synthetic customer. A known customer's profile has the email, consent and first name; a new customer's has
     * only id, zone and locale with no consent, and the {@code signup} event at the first visit brings the rest.
     */
    record Customer(String id, String number, ZoneId zone, String locale, String firstName, String email,
                    boolean isNew, boolean consent) {

        CustomerProfile profile() {
            if (isNew) {
                return new CustomerProfile(id, null, zone.getId(), locale, false, Map.of(), Map.of());
            }
            return new CustomerProfile(id, email, zone.getId(), locale, consent, Map.of("firstName", firstName),
                    Map.of());
        }
    }
}
