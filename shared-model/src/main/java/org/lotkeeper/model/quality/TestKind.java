package org.lotkeeper.model.quality;

/** What a test's result is: a number within limits, pass or fail, or one of a list of answers. */
public enum TestKind {
    /** A number; conforms when, rounded to the reported decimals, it lies within min and max (inclusive). */
    NUMERIC,
    /** {@code PASS} or {@code FAIL}; conforms on PASS. */
    PASS_FAIL,
    /** A word or phrase; conforms when it is one of the accepted answers (any case). */
    TEXT
}
