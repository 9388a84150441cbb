package org.lotkeeper.client.ui;

import org.lotkeeper.client.scan.RawScan;
import org.lotkeeper.profiles.KeyAction;

/** What a screen does with scans, typed input and the profile's hardware keys. */
public interface ScanTarget {

    /** A scan from the wedge or the camera, or typed text the operator ended with ENTER. */
    void scanned(RawScan scan);

    /** A hardware key the profile gives a meaning (F1 … F11, ESC, ENTER on its own). */
    default void keyAction(KeyAction action) {}

    /** What the operator has typed so far (echoed on screen); empty after ENTER. */
    default void typing(String text) {}

    /** A screen with no use for keys. */
    ScanTarget NONE = scan -> {};
}
