/**
 * What a scan is: {@link org.lotkeeper.model.scan.ScanRecogniser} turns scanner text into one
 * {@link org.lotkeeper.model.scan.Scan} record (GS1 product, container, GLN location, badge,
 * order, shipment, plain code, or unrecognised with a sentence for the operator). The internal
 * barcode scheme is documented on {@code ScanRecogniser}.
 */
package org.lotkeeper.model.scan;
