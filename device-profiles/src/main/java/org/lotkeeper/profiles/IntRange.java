package org.lotkeeper.profiles;

/** An inclusive range of whole numbers, one per numeric field, used by the records and the loader alike. */
record IntRange(int min, int max) {

    boolean contains(long value) {
        return value >= min && value <= max;
    }

    void check(Problems problems, String field, int value) {
        if (!contains(value)) {
            problems.add(field, expectation() + ", found " + value);
        }
    }

    /** {@code must be between 1 and 200}, or {@code must be 1} for a range of one. */
    String expectation() {
        return min == max ? "must be " + min : "must be between " + min + " and " + max;
    }
}
