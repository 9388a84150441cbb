package org.lotkeeper.profiles;

import java.math.BigDecimal;

/** An inclusive range of decimal numbers (inches, scale factors), used by the records and the loader alike. */
record DecimalRange(double min, double max) {

    boolean contains(double value) {
        return value >= min && value <= max;
    }

    void check(Problems problems, String field, double value) {
        if (!contains(value)) {
            problems.add(field, "must be between " + plain(min) + " and " + plain(max) + ", found " + plain(value));
        }
    }

    static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
