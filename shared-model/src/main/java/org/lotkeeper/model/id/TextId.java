package org.lotkeeper.model.id;

/**
 * An identifier whose whole value is one string (a code, a GS1 number, a reference): what storage
 * and wire formats write for it. Lets a store bind any identifier without knowing its type.
 */
public interface TextId {

    /** The identifier as text, exactly as it is stored and sent. */
    String value();
}
