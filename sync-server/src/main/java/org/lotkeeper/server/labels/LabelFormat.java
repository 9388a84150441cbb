package org.lotkeeper.server.labels;

import java.util.Locale;
import java.util.Optional;

import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.server.api.Refused;

/** The file formats a label is printed as. */
public enum LabelFormat {
    /** A 300 dpi image of the whole label. */
    PNG("image/png", "png"),
    /** One 4 × 6 in page: text as text, barcodes as images. */
    PDF("application/pdf", "pdf"),
    /** Zebra ZPL II for a 203 dpi printer with 4 × 6 in labels. */
    ZPL("application/zpl; charset=UTF-8", "zpl");

    private final String mediaType;
    private final String extension;

    LabelFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The format named by a {@code format} request parameter, or a 400 naming it. */
    public static LabelFormat parameter(String name) {
        return byName(name)
                .orElseThrow(
                        () -> Refused.invalid(ErrorCode.INVALID_FIELD, "format must be png, pdf or zpl", "format"));
    }

    /** {@code png}, {@code pdf} or {@code zpl}, any case. */
    public static Optional<LabelFormat> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (LabelFormat f : values()) {
            if (f.extension.equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
