package org.lotkeeper.model.quality;

/** A specification or a result that breaks a rule, naming the field at fault ({@code tests[2].max}). */
public final class SpecificationException extends IllegalArgumentException {

    private final String field;

    public SpecificationException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field at fault, as the request names it. */
    public String field() {
        return field;
    }
}
