package org.lotkeeper.model.gs1;

import java.math.BigDecimal;
import java.util.Optional;

import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;

/**
 * A trade or logistic measure from AI 310n–369n.
 *
 * @param ai       the four-digit AI, e.g. "3103"
 * @param title    the GS1 title, e.g. "NET WEIGHT (kg)"
 * @param value    the decimal value ({@code 3103 001234} → 1.234)
 * @param unitCode the UN/ECE Rec 20 unit code (KGM, LTR, MTR, …)
 * @param logistic true for logistic (gross, outer) measures 330n–349n, 353n–355n, 362n–363n, 367n–369n
 */
public record Gs1Measure(String ai, String title, BigDecimal value, String unitCode, boolean logistic) {

    /** The measure as a {@link Quantity} when Lotkeeper's {@link Uom} knows the unit; else empty. */
    public Optional<Quantity> quantity() {
        return Uom.byCode(unitCode).map(u -> Quantity.of(value, u));
    }
}
