package org.lotkeeper.model.gs1;

/**
 * A GS1 element string ready for a label.
 *
 * @param barcodeData   the data to encode in GS1-128, GS1 DataMatrix or GS1 QR: AIs and values,
 *                      with GS (ASCII 29) standing for FNC1 where a separator is needed. There is
 *                      no leading FNC1: the barcode writer adds the start FNC1 itself (in ZXing,
 *                      with the {@code GS1_FORMAT} hint)
 * @param humanReadable the text printed under the barcode: {@code (01)09501101530003(10)ABC123}
 */
public record Gs1ElementString(String barcodeData, String humanReadable) {}
