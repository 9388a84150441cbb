/**
 * Scan input: every source — keyboard-wedge keystrokes ({@link org.lotkeeper.client.scan.WedgeInput}),
 * camera frames and images ({@link org.lotkeeper.client.scan.ZxingImageDecoder}) and typed text
 * ({@link org.lotkeeper.client.scan.RawScan#manual(String)}) — gives one
 * {@link org.lotkeeper.client.scan.RawScan} (text, symbology, source) for the workflows. No JavaFX
 * here: the UI passes key events and images in.
 */
package org.lotkeeper.client.scan;
