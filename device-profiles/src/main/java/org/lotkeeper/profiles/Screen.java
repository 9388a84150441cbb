package org.lotkeeper.profiles;

import java.util.Locale;
import java.util.Objects;

/**
 * The screen the client lays out for.
 *
 * @param diagonalInches the visible diagonal
 * @param widthPx        pixels across, in {@code orientation}
 * @param heightPx       pixels down, in {@code orientation}
 * @param densityDpi     physical pixels per inch; the client converts with {@code px = dp × densityDpi / 160}
 * @param orientation    the orientation the client locks to
 */
public record Screen(double diagonalInches, int widthPx, int heightPx, int densityDpi, Orientation orientation) {

    static final DecimalRange DIAGONAL_INCHES = new DecimalRange(2.0, 100.0);
    static final IntRange PIXELS = new IntRange(160, 10_000);
    static final IntRange DENSITY_DPI = new IntRange(60, 1_000);
    /** How far the diagonal computed from pixels and density may be from {@code diagonalInches}. */
    static final double DIAGONAL_TOLERANCE = 0.15;

    public Screen {
        Objects.requireNonNull(orientation, "orientation");
        Problems problems = new Problems();
        DIAGONAL_INCHES.check(problems, "diagonalInches", diagonalInches);
        PIXELS.check(problems, "widthPx", widthPx);
        PIXELS.check(problems, "heightPx", heightPx);
        DENSITY_DPI.check(problems, "densityDpi", densityDpi);
        problems.throwIfAny("screen");
        crossCheck(problems, diagonalInches, widthPx, heightPx, densityDpi, orientation);
        problems.throwIfAny("screen");
    }

    /** Rules between the fields, each of which is already in range. */
    static void crossCheck(
            Problems problems,
            double diagonalInches,
            int widthPx,
            int heightPx,
            int densityDpi,
            Orientation orientation) {
        if (orientation == Orientation.PORTRAIT && widthPx > heightPx) {
            problems.add(
                    "widthPx", "must not be larger than heightPx in PORTRAIT (" + widthPx + " > " + heightPx + ")");
        } else if (orientation == Orientation.LANDSCAPE && heightPx > widthPx) {
            problems.add(
                    "heightPx", "must not be larger than widthPx in LANDSCAPE (" + heightPx + " > " + widthPx + ")");
        }
        double computed = Math.hypot(widthPx, heightPx) / densityDpi;
        if (Math.abs(computed - diagonalInches) > DIAGONAL_TOLERANCE * diagonalInches) {
            problems.add(
                    "densityDpi",
                    String.format(
                            Locale.ROOT,
                            "does not fit the screen: %d × %d px at %d dpi is a %.1f-inch diagonal, not %s inches",
                            widthPx,
                            heightPx,
                            densityDpi,
                            computed,
                            DecimalRange.plain(diagonalInches)));
        }
    }

    /** Pixels for a length in density-independent pixels (1 dp = 1/160 inch). */
    public double dpToPx(double dp) {
        return dp * densityDpi / 160.0;
    }

    /** The screen's width in dp. */
    public double widthDp() {
        return widthPx * 160.0 / densityDpi;
    }

    /** The screen's height in dp. */
    public double heightDp() {
        return heightPx * 160.0 / densityDpi;
    }
}
