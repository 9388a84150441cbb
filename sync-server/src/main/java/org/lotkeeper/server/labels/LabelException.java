package org.lotkeeper.server.labels;

/** The data cannot be printed as asked, with a sentence saying why (the API answers 422). */
public class LabelException extends RuntimeException {

    public LabelException(String message) {
        super(message);
    }
}
