package dev.triggerforge.rules.experiment;

import dev.triggerforge.model.trigger.Variant;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Sticky assignment: stable per (experiment, customer), in proportion to the weights, reshuffled per experiment. */
class VariantPickerTest {

    private static final int CUSTOMERS = 20_000;

    private static List<Variant> weighted(int... weights) {
        List<Variant> variants = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            variants.add(new Variant("v" + i, weights[i], false, null, null, null));
        }
        return variants;
    }

    private static String customer(int i) {
        return "customer-" + i;
    }

    @Test
    void theSameExperimentAndCustomerAlwaysGetTheSameVariant() {
        List<Variant> variants = weighted(70, 20, 10);
        for (int i = 0; i < 2_000; i++) {
            String first = VariantPicker.pick("cart-abandonment", customer(i), variants).id();

            assertThat(VariantPicker.pick("cart-abandonment", customer(i), List.copyOf(variants)).id())
                    .isEqualTo(first);
            assertThat(VariantPicker.pick("cart-abandonment", customer(i), variants).id()).isEqualTo(first);
        }
    }

    @Test
    void sharesFollowTheWeights() {
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            counts.merge(VariantPicker.pick("cart-abandonment", customer(i), weighted(70, 20, 10)).id(), 1,
                    Integer::sum);
        }

        assertThat(counts.get("v0") / (double) CUSTOMERS).isCloseTo(0.70, within(0.015));
        assertThat(counts.get("v1") / (double) CUSTOMERS).isCloseTo(0.20, within(0.015));
        assertThat(counts.get("v2") / (double) CUSTOMERS).isCloseTo(0.10, within(0.015));
    }

    @Test
    void anotherExperimentReshufflesTheCustomers() {
        // with four equal arms, independent assignments agree for a quarter of customers; the same seed would agree
        // for all of them
        List<Variant> variants = weighted(1, 1, 1, 1);
        int same = 0;
        for (int i = 0; i < CUSTOMERS; i++) {
            String one = VariantPicker.pick("cart-abandonment", customer(i), variants).id();
            String other = VariantPicker.pick("browse-abandonment", customer(i), variants).id();
            same += one.equals(other) ? 1 : 0;
        }

        assertThat(same / (double) CUSTOMERS).isCloseTo(0.25, within(0.03));
    }

    @Test
    void noWeightMeansNoVariant() {
        assertThat(VariantPicker.pick("x", "c1", List.of())).isNull();
        assertThat(VariantPicker.pick("x", "c1", weighted(0, 0))).isNull();
    }
}
