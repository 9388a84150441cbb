package org.lotkeeper.model.quality;

/** How a result compares with the specification in force. */
public enum Judgement {
    CONFORMS,
    OUT_OF_SPECIFICATION,
    /** The test code is not in the specification: refused, never stored. */
    NOT_IN_SPECIFICATION
}
