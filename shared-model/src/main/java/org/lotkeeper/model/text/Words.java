package org.lotkeeper.model.text;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

import org.lotkeeper.model.auth.Role;
import org.lotkeeper.model.event.DeviationReason;
import org.lotkeeper.model.event.EventType;
import org.lotkeeper.model.event.TransformKind;
import org.lotkeeper.model.gs1.Symbology;
import org.lotkeeper.model.lot.LocationType;
import org.lotkeeper.model.lot.LotNumbering;
import org.lotkeeper.model.lot.LotOrigin;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.lot.LotStatusRules;
import org.lotkeeper.model.master.PartnerKind;
import org.lotkeeper.model.quality.InspectionSource;
import org.lotkeeper.model.quality.Judgement;
import org.lotkeeper.model.wire.Flag;

/**
 * The one place where the codes of the domain get the words people read — on the handheld, in
 * the console, in the PDFs. The API, the CSV files and EPCIS keep the codes. Each switch names
 * every constant, so a new constant breaks the build here until it has its words.
 */
public final class Words {

    private Words() {}

    /** A status as a label: "Quarantine", "On hold". */
    public static String of(LotStatus status) {
        return switch (status) {
            case QUARANTINE -> "Quarantine";
            case RELEASED -> "Released";
            case ON_HOLD -> "On hold";
            case REJECTED -> "Rejected";
            case RECALLED -> "Recalled";
        };
    }

    /** A status inside a sentence: "the lot is in quarantine", "… is on hold". */
    public static String inSentence(LotStatus status) {
        return LotStatusRules.words(status);
    }

    /** What an event did, as a noun: "Receipt", "Production batch". */
    public static String of(EventType type) {
        return switch (type) {
            case RECEIVE -> "Receipt";
            case MOVE -> "Move";
            case PICK -> "Pick";
            case COUNT -> "Count";
            case SHIP -> "Shipment";
            case TRANSFORM -> "Batch";
            case STATUS -> "Status change";
            case RETURN -> "Return";
            case ADJUST -> "Stock adjustment";
            case PACK -> "Packed onto a pallet";
            case UNPACK -> "Unpacked from a pallet";
            case INSPECT -> "Test results";
            case TRANSFER_OUT -> "Sent to a sister site";
            case TRANSFER_IN -> "Arrived from a sister site";
        };
    }

    /** The kind of a batch: "Production", "Blend". */
    public static String of(TransformKind kind) {
        return switch (kind) {
            case PRODUCTION -> "Production";
            case BLEND -> "Blend";
            case SPLIT -> "Split";
            case MERGE -> "Merge";
            case REWORK -> "Rework";
            case REPACK -> "Repack";
        };
    }

    /** A type of location: "Receiving", "Quarantine". */
    public static String of(LocationType type) {
        return switch (type) {
            case RECEIVING -> "Receiving";
            case STORAGE -> "Storage";
            case STAGING -> "Staging";
            case PRODUCTION -> "Production";
            case SHIPPING -> "Shipping";
            case QUARANTINE -> "Quarantine";
            case RETURNS -> "Returns";
        };
    }

    /** Why a FEFO lot was not taken: "Damaged packaging". */
    public static String of(DeviationReason reason) {
        return switch (reason) {
            case DAMAGED_PACKAGING -> "Damaged packaging";
            case NOT_AT_LOCATION -> "Not at the location";
            case CUSTOMER_REQUEST -> "Customer request";
            case SUPERVISOR_INSTRUCTION -> "Supervisor's instruction";
            case OTHER -> "Other";
        };
    }

    /** A result's judgement: "Conforms", "Out of specification". */
    public static String of(Judgement judgement) {
        return switch (judgement) {
            case CONFORMS -> "Conforms";
            case OUT_OF_SPECIFICATION -> "Out of specification";
            case NOT_IN_SPECIFICATION -> "Not in the specification";
        };
    }

    /** Where results come from: "Laboratory", "Supplier's COA". */
    public static String of(InspectionSource source) {
        return switch (source) {
            case LAB -> "Laboratory";
            case SUPPLIER_COA -> "Supplier's COA";
        };
    }

    /** What an exception in the supervisor's queue is about: "Count variance". */
    public static String of(Flag flag) {
        return switch (flag) {
            case NEGATIVE_BALANCE -> "Negative stock";
            case LOT_NOT_AVAILABLE -> "Lot not available";
            case FEFO_DEVIATION -> "FEFO deviation";
            case UNKNOWN_LOT -> "Unknown lot";
            case COUNT_VARIANCE -> "Count variance";
            case CLOCK_SKEW -> "Device clock off";
            case RECEIPT_MISMATCH -> "Another supplier batch in a known lot";
            case OUT_OF_SPECIFICATION -> "Out of specification";
            case POTENCY_DIFFERS -> "Dosed by another potency";
        };
    }

    /** Where a lot came from: "Received", "Made here". */
    public static String of(LotOrigin origin) {
        return switch (origin) {
            case RECEIVED -> "Received";
            case PRODUCED -> "Made here";
            case UNKNOWN -> "Not known (moved before any receipt)";
        };
    }

    /** How an item's lots are numbered: "Supplier's lot". */
    public static String of(LotNumbering numbering) {
        return switch (numbering) {
            case SUPPLIER_LOT -> "Supplier's lot";
            case MANUAL -> "Keyed or pre-printed";
            case PATTERN -> "Numbered by pattern";
        };
    }

    /** "Supplier", "Customer", "Carrier". */
    public static String of(PartnerKind kind) {
        return switch (kind) {
            case SUPPLIER -> "Supplier";
            case CUSTOMER -> "Customer";
            case CARRIER -> "Carrier";
        };
    }

    /** "Operator", "QA". */
    public static String of(Role role) {
        return switch (role) {
            case OPERATOR -> "Operator";
            case RECEIVER -> "Receiver";
            case QA -> "QA";
            case SUPERVISOR -> "Supervisor";
            case ADMIN -> "Administrator";
        };
    }

    /** How a barcode was read: "GS1-128", "GS1 DataMatrix". */
    public static String of(Symbology symbology) {
        return switch (symbology) {
            case GS1_128 -> "GS1-128";
            case GS1_DATABAR -> "GS1 DataBar";
            case GS1_DATAMATRIX -> "GS1 DataMatrix";
            case GS1_QR -> "GS1 QR Code";
            case GS1_DOTCODE -> "GS1 DotCode";
            case DATAMATRIX -> "DataMatrix";
            case QR -> "QR Code";
            case EAN_UPC -> "EAN/UPC";
            case CODE_128 -> "Code 128";
            case OTHER -> "another barcode";
            case NONE -> "typed or pasted, no barcode type";
        };
    }

    /**
     * A code of a kind this class does not list (a server's own enum): "TEST_RESULT" → "Test
     * result". Prefer a switch of its own where the words matter.
     */
    public static String ofCode(String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        String w = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    /**
     * A code that arrives as text (a view's status, a flag) in the words of its type: "ON_HOLD"
     * as a {@link LotStatus} → "On hold"; a code the type does not know falls back to
     * {@link #ofCode(String)}, and null is empty.
     */
    public static <E extends Enum<E>> String ofCode(String code, Class<E> type, Function<E, String> words) {
        if (code == null) {
            return "";
        }
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.name().equals(code))
                .findFirst()
                .map(words)
                .orElseGet(() -> ofCode(code));
    }
}
