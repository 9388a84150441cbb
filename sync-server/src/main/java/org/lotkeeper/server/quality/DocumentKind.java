package org.lotkeeper.server.quality;

/** The kinds of quality document. A COA or a TEST_RESULT linked to a lot allows its release. */
public enum DocumentKind {
    COA,
    SDS,
    TEST_RESULT,
    RELEASE_RECORD,
    DEVIATION;

    /** The kind as people name it. */
    public String words() {
        return switch (this) {
            case COA -> "Certificate of analysis (COA)";
            case SDS -> "Safety data sheet (SDS)";
            case TEST_RESULT -> "Test result";
            case RELEASE_RECORD -> "Release record";
            case DEVIATION -> "Deviation report";
        };
    }

    public boolean supportsRelease() {
        return this == COA || this == TEST_RESULT;
    }
}
