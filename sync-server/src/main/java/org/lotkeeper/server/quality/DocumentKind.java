package org.lotkeeper.server.quality;

/** The kinds of quality document. A COA or a TEST_RESULT linked to a lot allows its release. */
public enum DocumentKind {
    COA,
    SDS,
    TEST_RESULT,
    RELEASE_RECORD,
    DEVIATION;

    public boolean supportsRelease() {
        return this == COA || this == TEST_RESULT;
    }
}
