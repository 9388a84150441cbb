/**
 * The GS1 barcode codec, framework-free.
 *
 * <ul>
 *   <li>{@link org.lotkeeper.model.gs1.Gs1Decoder#decode(String)}: scanner text (element string
 *       with or without symbology identifier, GS or a replacement separator, the human-readable
 *       {@code (01)…} form, a GS1 Digital Link URI, EAN/UPC) → {@link org.lotkeeper.model.gs1.Gs1Data},
 *       or a {@link org.lotkeeper.model.gs1.Gs1Exception} with a reason, the position in the
 *       scanned text and a sentence for the operator.</li>
 *   <li>{@link org.lotkeeper.model.gs1.Gs1Data#builder()} → {@link org.lotkeeper.model.gs1.Gs1Encoder}:
 *       label data → element string (barcode data and human-readable line) or Digital Link URI.</li>
 * </ul>
 * What is accepted and why is in docs/GS1.md; the test vectors are in {@code Gs1VectorsTest}. Supported AIs: 00, 01, 02, 10,
 * 11, 13, 15, 16, 17, 21, 22, 30, 37, 310n–369n (n = 0–5), 240, 241, 250, 251, 254, 400, 401,
 * 402, 410–417, 422, 7003, 8003, 8004, 8020; any other AI is {@code UNKNOWN_AI}.
 */
package org.lotkeeper.model.gs1;
