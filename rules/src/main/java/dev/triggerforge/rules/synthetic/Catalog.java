package dev.triggerforge.rules.synthetic;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The synthetic shop's products, fixed by the catalog size alone (not the seed), so a sku means the same product in
 * every generated data set and in the engagement model's purchases.
 */
final class Catalog {

    static final String[] CATEGORIES = {"shoes", "shirts", "trousers", "dresses", "jackets", "bags", "accessories",
            "watches", "sportswear", "home"};
    private static final String[] NOUNS = {"Sneaker", "Shirt", "Chinos", "Dress", "Jacket", "Tote", "Scarf", "Watch",
            "Hoodie", "Cushion"};
    private static final int[] BASE_EUROS = {49, 19, 39, 45, 89, 35, 12, 99, 29, 15};
    private static final String[] ADJECTIVES = {"Classic", "Urban", "Soft", "Bold", "Light", "Vintage", "Essential",
            "Premium", "Everyday", "Weekend", "Coastal", "Alpine"};
    private static final String[] COLOURS = {"Black", "White", "Navy", "Red", "Olive", "Sand", "Grey", "Blue"};
    private static final long[] CENTS = {99, 95, 50, 0};
    private static final long CATALOG_SEED = 0x5EED_CA7A_1065L;

    private final Product[] products;

    private Catalog(int size) {
        SplittableRandom r = new SplittableRandom(CATALOG_SEED);
        int width = Math.max(4, Integer.toString(size).length());
        products = new Product[size];
        for (int i = 0; i < size; i++) {
            int category = i % CATEGORIES.length;
            String sku = "SKU-" + Ids.zeroPadded(i + 1, width);
            String name = ADJECTIVES[r.nextInt(ADJECTIVES.length)] + " " + COLOURS[r.nextInt(COLOURS.length)] + " "
                    + NOUNS[category];
            long euros = BASE_EUROS[category] + r.nextInt(BASE_EUROS[category] * 2);
            BigDecimal price = BigDecimal.valueOf(euros * 100 + CENTS[r.nextInt(CENTS.length)], 2);
            products[i] = new Product(i, sku, name, CATEGORIES[category], price,
                    "https://shop.example/p/" + sku, "https://shop.example/img/" + sku + ".jpg");
        }
    }

    /** The catalog of {@code size} products. */
    static Catalog of(int size) {
        return new Catalog(size);
    }

    int size() {
        return products.length;
    }

    Product get(int index) {
        return products[index];
    }

    Product random(SplittableRandom r) {
        return products[r.nextInt(products.length)];
    }

    /** A random product of the given category index, which must have at least one product. */
    Product randomIn(int category, SplittableRandom r) {
        int count = (products.length - category + CATEGORIES.length - 1) / CATEGORIES.length;
        return products[category + CATEGORIES.length * r.nextInt(count)];
    }

    int categoryOf(Product p) {
        return p.index() % CATEGORIES.length;
    }

    /** One product, with its {@code product_view} properties built once. */
    record Product(int index, String sku, String name, String category, BigDecimal price, String url,
                   String imageUrl, Map<String, Object> viewProperties) {

        Product(int index, String sku, String name, String category, BigDecimal price, String url, String imageUrl) {
            this(index, sku, name, category, price, url, imageUrl, view(sku, name, category, price, url, imageUrl));
        }

        private static Map<String, Object> view(String sku, String name, String category, BigDecimal price,
                                                String url, String imageUrl) {
            Map<String, Object> m = new LinkedHashMap<>(8);
            m.put("sku", sku);
            m.put("name", name);
            m.put("category", category);
            m.put("price", price);
            m.put("url", url);
            m.put("imageUrl", imageUrl);
            return Collections.unmodifiableMap(m);
        }

        /** The properties of a cart line of this product, as {@code cart_add}, {@code cart_remove} and orders carry. */
        Map<String, Object> line(long quantity) {
            Map<String, Object> m = new LinkedHashMap<>(8);
            m.put("sku", sku);
            m.put("name", name);
            m.put("price", price);
            m.put("quantity", quantity);
            m.put("url", url);
            m.put("imageUrl", imageUrl);
            return Collections.unmodifiableMap(m);
        }
    }
}
