package org.lotkeeper.model.scan;

import java.util.Objects;
import java.util.Optional;

import org.lotkeeper.model.gs1.Gs1Data;
import org.lotkeeper.model.gs1.Gs1Exception;
import org.lotkeeper.model.id.Gln;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.OrderCode;
import org.lotkeeper.model.id.ShipmentCode;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.id.UserId;

/** What one scan is, as {@link ScanRecogniser} sees it. One record per kind. */
public sealed interface Scan {

    /** A GS1 trade-item label: it carries a GTIN (01) or a content GTIN (02). */
    record Product(Gs1Data data) implements Scan {
        public Product {
            Objects.requireNonNull(data, "data");
        }
    }

    /** A logistic unit (pallet, case): a GS1 label with an SSCC (00), maybe with its content (02, 37, 10). */
    record Container(Sscc sscc, Gs1Data data) implements Scan {
        public Container {
            Objects.requireNonNull(sscc, "sscc");
            Objects.requireNonNull(data, "data");
        }
    }

    /** A GS1 location: AI 414 with an optional 254 extension, as element string or Digital Link. */
    record GlnLocation(Gln gln, Optional<String> extension, Gs1Data data) implements Scan {
        public GlnLocation {
            Objects.requireNonNull(gln, "gln");
            Objects.requireNonNull(extension, "extension");
            Objects.requireNonNull(data, "data");
        }
    }

    /** Other valid GS1 data with a key, e.g. a returnable drum's GRAI (8003) or a GIAI (8004). */
    record OtherGs1(Gs1Data data) implements Scan {
        public OtherGs1 {
            Objects.requireNonNull(data, "data");
        }
    }

    /** An explicit location label: {@code L:} + code. */
    record Location(LocationCode code) implements Scan {
        public Location {
            Objects.requireNonNull(code, "code");
        }
    }

    /** A user's badge: {@code B:} + user id. */
    record Badge(UserId user) implements Scan {
        public Badge {
            Objects.requireNonNull(user, "user");
        }
    }

    /** An order sheet: {@code O:} + order code. */
    record Order(OrderCode order) implements Scan {
        public Order {
            Objects.requireNonNull(order, "order");
        }
    }

    /** A delivery note: {@code S:} + shipment code. */
    record Shipment(ShipmentCode shipment) implements Scan {
        public Shipment {
            Objects.requireNonNull(shipment, "shipment");
        }
    }

    /**
     * Plain text that follows the internal code rule (letters, digits, {@code - _ . /}, 1–40,
     * starting with a letter or digit): possibly a location, possibly a lot. The workflow decides
     * from what it expects next.
     */
    record Code(String value) implements Scan {
        public Code {
            Objects.requireNonNull(value, "value");
        }

        /** The code as a location code (always valid: the same rule). */
        public LocationCode asLocationCode() {
            return LocationCode.of(value);
        }

        /** The code as a lot code, when it fits (at most 20 characters). */
        public Optional<LotCode> asLotCode() {
            return value.length() <= LotCode.MAX_LENGTH ? Optional.of(LotCode.of(value)) : Optional.empty();
        }
    }

    /**
     * Nothing Lotkeeper knows.
     *
     * @param message  one sentence for the operator: what is wrong and what to do
     * @param gs1Error the decoder's error when the scan was GS1 data (or looked like it)
     */
    record Unrecognised(String message, Optional<Gs1Exception> gs1Error) implements Scan {
        public Unrecognised {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(gs1Error, "gs1Error");
        }
    }
}
