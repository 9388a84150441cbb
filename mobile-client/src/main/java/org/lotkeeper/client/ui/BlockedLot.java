package org.lotkeeper.client.ui;

import java.util.Optional;

import org.lotkeeper.client.workflow.Blocked;
import org.lotkeeper.client.workflow.Screen;
import org.lotkeeper.model.lot.UnavailableReason;

/**
 * The words of the big red banner for a screen about a lot that must not be used, from the
 * screen's typed {@link Blocked} part (never from the wording of its sentences).
 */
public final class BlockedLot {

    private BlockedLot() {}

    /** The status to show in the banner, e.g. "RECALLED"; empty when the screen is about no blocked lot. */
    public static Optional<String> of(Screen screen) {
        return screen.blocked().flatMap(Blocked::banner).map(BlockedLot::banner);
    }

    static String banner(UnavailableReason reason) {
        return switch (reason) {
            case QUARANTINE -> "QUARANTINE";
            case ON_HOLD -> "ON HOLD";
            case REJECTED -> "REJECTED";
            case RECALLED -> "RECALLED";
            case EXPIRED -> "EXPIRED";
            case DUE_FOR_RETEST -> "RETEST DUE";
            case WRONG_ITEM, SHORT_SHELF_LIFE, LOCATION_NOT_PICKABLE ->
                throw new IllegalArgumentException(reason + " is not about the lot");
        };
    }
}
