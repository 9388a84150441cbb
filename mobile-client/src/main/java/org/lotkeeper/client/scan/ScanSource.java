package org.lotkeeper.client.scan;

/** Where a scan's text came from. */
public enum ScanSource {
    /** A hardware scanner typing the barcode as a fast burst of keystrokes (keyboard wedge). */
    WEDGE,
    /** A camera frame decoded by ZXing. */
    CAMERA,
    /** A still image (a photo, a file) decoded by ZXing. */
    IMAGE,
    /** Typed by a person: slow keystrokes on the wedge path, or a text field. */
    MANUAL
}
