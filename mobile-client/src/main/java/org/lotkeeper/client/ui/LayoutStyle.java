package org.lotkeeper.client.ui;

import java.util.List;
import java.util.Locale;

import javafx.scene.Parent;
import javafx.scene.layout.Region;

import org.lotkeeper.profiles.DeviceProfile;
import org.lotkeeper.profiles.LayoutClass;

/**
 * How a profile looks: the window in dp (JavaFX pixels are dp here), the base font from the
 * profile's font scale, the smallest target, the layout class and the theme as style classes on
 * the root ({@code layout-compact}, {@code layout-tablet}, {@code layout-desktop},
 * {@code theme-high-contrast}) so {@code lotkeeper.css} does the rest.
 */
public record LayoutStyle(
        LayoutClass layoutClass,
        double widthDp,
        double heightDp,
        double fontPx,
        double minTargetDp,
        boolean touch,
        boolean highContrast) {

    /** Base font in dp before the profile's scale: readable at arm's length on a 4-inch screen. */
    static final double BASE_FONT = 16;

    private static final List<String> CLASSES =
            List.of("layout-compact", "layout-tablet", "layout-desktop", "theme-high-contrast", "touch", "keys-only");

    public static LayoutStyle of(DeviceProfile profile, boolean highContrast) {
        double w = Math.floor(profile.screen().widthDp());
        double h = Math.floor(profile.screen().heightDp());
        if (profile.layoutClass() == LayoutClass.DESKTOP) {
            w = Math.min(w, 1280);
            h = Math.min(h, 800);
        }
        return new LayoutStyle(
                profile.layoutClass(),
                w,
                h,
                BASE_FONT * profile.fontScale(),
                profile.minTouchTargetDp(),
                profile.hasTouch(),
                highContrast);
    }

    /** The style class of the layout class, e.g. {@code layout-tablet}. */
    public String layoutStyleClass() {
        return "layout-" + layoutClass.name().toLowerCase(Locale.ROOT);
    }

    /** Whether screens use two panes (tablets and desktops) rather than one column. */
    public boolean twoPanes() {
        return layoutClass != LayoutClass.COMPACT;
    }

    /** Puts the style classes and the base font on the root. */
    public void applyTo(Parent root) {
        root.getStyleClass().removeAll(CLASSES);
        root.getStyleClass().add(layoutStyleClass());
        root.getStyleClass().add(touch ? "touch" : "keys-only");
        if (highContrast) {
            root.getStyleClass().add("theme-high-contrast");
        }
        root.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", fontPx));
    }

    /** Makes a tappable or focusable control at least the profile's target size. */
    public <R extends Region> R target(R control) {
        control.setMinHeight(minTargetDp);
        control.setMinWidth(minTargetDp);
        return control;
    }
}
