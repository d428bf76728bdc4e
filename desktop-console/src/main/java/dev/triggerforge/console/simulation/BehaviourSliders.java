package dev.triggerforge.console.simulation;

import dev.triggerforge.rules.synthetic.Behaviour;
import dev.triggerforge.rules.synthetic.EngagementRates;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The synthetic shoppers' habits and how they answer emails, as sliders, so a marketer can ask "what if fewer people
 * buy at checkout?" without editing numbers in a file; everything else keeps the generator's defaults.
 */
final class BehaviourSliders {

    private final Map<String, Slider> sliders = new LinkedHashMap<>();
    private final TitledPane root;

    BehaviourSliders() {
        Behaviour b = Behaviour.DEFAULTS;
        EngagementRates r = EngagementRates.DEFAULTS;
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        grid.setPadding(new Insets(6));
        add(grid, 0, "visits", "Visits per customer per day", 0, 2, b.sessionsPerDay(), false);
        add(grid, 0, "views", "Product views per visit", 0, 10, b.productViewsPerSession(), false);
        add(grid, 0, "new-customers", "New customers", 0, 1, b.newCustomerShare(), true);
        add(grid, 0, "consent", "Consent to email", 0, 1, b.consentShare(), true);
        add(grid, 3, "cart-add", "Visits that add to cart", 0, 1, b.cartAddProbability(), true);
        add(grid, 3, "checkout", "Carts that start checkout", 0, 1, b.checkoutStartProbability(), true);
        add(grid, 3, "purchase", "Checkouts that complete", 0, 1, b.purchaseProbability(), true);
        add(grid, 6, "open", "Emails opened", 0, 1, r.open(), true);
        add(grid, 6, "click", "Opens that click", 0, 1, r.clickGivenOpen(), true);
        add(grid, 6, "buy", "Clicks that buy", 0, 1, r.purchaseGivenClick(), true);
        root = new TitledPane("Shoppers and how they answer emails", grid);
        root.setId("behaviour");
        root.setExpanded(false);
    }

    Node node() {
        return root;
    }

    Behaviour behaviour() {
        Behaviour d = Behaviour.DEFAULTS;
        return new Behaviour(value("visits"), value("new-customers"), value("consent"), d.searchProbability(),
                d.categoryViewProbability(), value("views"), d.reViewProbability(), value("cart-add"),
                d.cartRemoveProbability(), value("checkout"), value("purchase"), d.catalogSize());
    }

    EngagementRates rates() {
        EngagementRates d = EngagementRates.DEFAULTS;
        return new EngagementRates(value("open"), value("click"), value("buy"), d.unsubscribe());
    }

    private double value(String id) {
        return sliders.get(id).getValue();
    }

    private void add(GridPane grid, int column, String id, String title, double min, double max, double initial,
                     boolean share) {
        Slider slider = new Slider(min, max, initial);
        slider.setId("slider-" + id);
        slider.setPrefWidth(140);
        Label shown = new Label();
        shown.setMinWidth(48);
        shown.textProperty().bind(slider.valueProperty().map(v -> share
                ? String.format("%.0f %%", v.doubleValue() * 100) : String.format("%.1f", v.doubleValue())));
        int row = (int) sliders.values().stream().filter(s -> GridPane.getColumnIndex(s) == column + 1).count();
        grid.add(new Label(title), column, row);
        grid.add(slider, column + 1, row);
        grid.add(shown, column + 2, row);
        sliders.put(id, slider);
    }
}
