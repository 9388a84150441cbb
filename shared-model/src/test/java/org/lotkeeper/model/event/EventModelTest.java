package org.lotkeeper.model.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lotkeeper.model.event.CodeRef.Kind;
import org.lotkeeper.model.id.EventId;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.id.SiteCode;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.id.UserId;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.quantity.InvalidQuantityException;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventModelTest {

    private static final ItemCode RESIN = ItemCode.of("RM-RESIN");
    private static final ItemCode PRIMER = ItemCode.of("FG-PRIMER");
    private static final LocationCode DOCK = LocationCode.of("RCV-DOCK-1");
    private static final LocationCode WH = LocationCode.of("WH-A-01");

    private static Quantity kg(String v) {
        return Quantity.of(v, Uom.KGM);
    }

    private static Transform transform() {
        return new Transform(
                TransformKind.PRODUCTION,
                Reference.of("B-1001"),
                List.of(
                        new Transform.Input(RESIN, LotCode.of("R-2402"), kg("300"), WH),
                        new Transform.Input(RESIN, LotCode.of("R-2401"), kg("100"), WH),
                        new Transform.Input(RESIN, LotCode.of("R-2402"), kg("5"), DOCK)),
                List.of(new Transform.Output(PRIMER, LotCode.of("PR-1001"), Quantity.of("30", Uom.H87), WH, null)));
    }

    @Test
    void transformTouchesEachInputAndOutputLotOnceInOrder() {
        assertThat(transform().lots())
                .containsExactly(
                        LotRef.of("RM-RESIN", "R-2402"),
                        LotRef.of("RM-RESIN", "R-2401"),
                        LotRef.of("FG-PRIMER", "PR-1001"));
    }

    @Test
    void receiveTouchesItsLotButNotTheSupplierLot() {
        Receive r = new Receive(
                PartnerCode.of("ACME"),
                Reference.of("PO-1"),
                RESIN,
                LotCode.of("R-1"),
                LotCode.of("ACR-9"),
                kg("10"),
                null,
                null,
                DOCK,
                null,
                null,
                null);

        assertThat(r.lots()).containsExactly(LotRef.of("RM-RESIN", "R-1"));
        assertThat(r.documents()).isEmpty();
    }

    @Test
    void packTouchesEveryLotInItsContents() {
        Pack p = new Pack(
                Sscc.of("106141410000000019"),
                WH,
                List.of(
                        new ContainerLine(PRIMER, LotCode.of("PR-1"), Quantity.of("2", Uom.H87)),
                        new ContainerLine(PRIMER, LotCode.of("PR-2"), Quantity.of("3", Uom.H87))));

        assertThat(p.lots()).containsExactly(LotRef.of("FG-PRIMER", "PR-1"), LotRef.of("FG-PRIMER", "PR-2"));
    }

    @Test
    void codesNameEveryMasterDataReferenceWithItsPath() {
        assertThat(transform().codes())
                .containsExactly(
                        new CodeRef(Kind.ITEM, "RM-RESIN", "payload.inputs[0].item"),
                        new CodeRef(Kind.LOCATION, "WH-A-01", "payload.inputs[0].from"),
                        new CodeRef(Kind.ITEM, "RM-RESIN", "payload.inputs[1].item"),
                        new CodeRef(Kind.LOCATION, "WH-A-01", "payload.inputs[1].from"),
                        new CodeRef(Kind.ITEM, "RM-RESIN", "payload.inputs[2].item"),
                        new CodeRef(Kind.LOCATION, "RCV-DOCK-1", "payload.inputs[2].from"),
                        new CodeRef(Kind.ITEM, "FG-PRIMER", "payload.outputs[0].item"),
                        new CodeRef(Kind.LOCATION, "WH-A-01", "payload.outputs[0].to"));
    }

    @Test
    void pickCodesIncludeTheOptionalCustomerOnlyWhenPresent() {
        Pick withCustomer = new Pick(
                Reference.of("SO-1"),
                PRIMER,
                LotCode.of("PR-1"),
                Quantity.of("1", Uom.H87),
                WH,
                LocationCode.of("STAGE-1"),
                PartnerCode.of("BUILDMART"),
                null,
                null,
                null,
                null);
        Pick without = new Pick(
                Reference.of("SO-1"),
                PRIMER,
                LotCode.of("PR-1"),
                Quantity.of("1", Uom.H87),
                WH,
                LocationCode.of("STAGE-1"),
                null,
                null,
                null,
                null,
                null);

        assertThat(withCustomer.codes()).extracting(CodeRef::field).contains("payload.customer");
        assertThat(without.codes()).extracting(CodeRef::field).doesNotContain("payload.customer");
    }

    @Test
    void quantitiesMustBePositiveExceptCountAndAdjust() {
        assertThatThrownBy(() -> new Move(RESIN, LotCode.of("R-1"), kg("0"), DOCK, WH, null))
                .isInstanceOf(InvalidQuantityException.class);
        assertThatThrownBy(() -> new ContainerLine(RESIN, LotCode.of("R-1"), kg("-1")))
                .isInstanceOf(InvalidQuantityException.class);
        assertThat(new Count(RESIN, LotCode.of("R-1"), WH, kg("0"), null)
                        .counted()
                        .isZero())
                .isTrue();
        assertThatThrownBy(() -> new Count(RESIN, LotCode.of("R-1"), WH, kg("-1"), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Adjust(RESIN, LotCode.of("R-1"), WH, kg("-2.5"), "scrap")
                        .delta()
                        .signum())
                .isEqualTo(-1);
        assertThatThrownBy(() -> new Adjust(RESIN, LotCode.of("R-1"), WH, kg("0"), "scrap"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requiredFieldsAreRequired() {
        assertThatThrownBy(() -> new Move(null, LotCode.of("R-1"), kg("1"), DOCK, WH, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("item");
        assertThatThrownBy(() -> new StatusChange(RESIN, LotCode.of("R-1"), LotStatus.ON_HOLD, " "))
                .isInstanceOf(InvalidTextException.class);
        assertThatThrownBy(() -> new Transform(TransformKind.SPLIT, Reference.of("B"), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inputs");
    }

    @Test
    void listsAreImmutableCopies() {
        List<ContainerLine> lines = new java.util.ArrayList<>(
                List.of(new ContainerLine(PRIMER, LotCode.of("PR-1"), Quantity.of("2", Uom.H87))));
        Pack p = new Pack(Sscc.of("106141410000000019"), WH, lines);
        lines.clear();

        assertThat(p.contents()).hasSize(1);
        assertThatThrownBy(() -> p.contents().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void otherDeviationWithoutNoteIsRefused() {
        assertThatThrownBy(() -> new Pick(
                        Reference.of("SO-1"),
                        PRIMER,
                        LotCode.of("PR-1"),
                        Quantity.of("1", Uom.H87),
                        WH,
                        WH,
                        null,
                        LotCode.of("PR-0"),
                        DeviationReason.OTHER,
                        null,
                        null))
                .hasMessageContaining("note");
    }

    @Test
    void datesOutsideTheBoundsAreRefused() {
        assertThatThrownBy(() -> new Transform.Output(
                        PRIMER, LotCode.of("PR-1"), Quantity.of("1", Uom.H87), WH, LocalDate.of(9999, 12, 31)))
                .hasMessageContaining("expiry");
    }

    @Test
    void eventTakesItsTypeFromThePayloadAndTruncatesToMilliseconds() {
        Event e = new Event(
                EventId.parse("01936b2e-5c4f-7a10-9c8e-3b1f2a4d5e6f"),
                41L,
                Instant.parse("2026-11-25T08:15:02.123987Z"),
                UserId.of("ana"),
                SiteCode.of("PLANT-1"),
                transform());

        assertThat(e.type()).isEqualTo(EventType.TRANSFORM);
        assertThat(e.occurredAt()).isEqualTo(Instant.parse("2026-11-25T08:15:02.123Z"));
        assertThat(e.lots()).hasSize(3);
    }

    @Test
    void eventRefusesImplausibleTimesAndSequences() {
        EventId id = EventId.parse("01936b2e-5c4f-7a10-9c8e-3b1f2a4d5e6f");
        assertThatThrownBy(() -> new Event(
                        id, 0L, Instant.parse("2026-11-25T08:15:02Z"), UserId.of("ana"), SiteCode.of("P"), transform()))
                .hasMessageContaining("deviceSeq");
        assertThatThrownBy(() -> new Event(
                        id, 1L, Instant.parse("1970-01-01T00:00:00Z"), UserId.of("ana"), SiteCode.of("P"), transform()))
                .hasMessageContaining("occurredAt");
        assertThat(new Event(
                                id,
                                null,
                                Instant.parse("2026-11-25T08:15:02Z"),
                                UserId.of("ana"),
                                SiteCode.of("P"),
                                transform())
                        .deviceSeq())
                .isNull();
    }

    @Test
    void referencesAllowPunctuationButNotControlCharacters() {
        assertThat(Reference.of("ASN 2026/0042 #7").value()).isEqualTo("ASN 2026/0042 #7");
        assertThatThrownBy(() -> Reference.of("PO\t1")).isInstanceOf(InvalidTextException.class);
        assertThatThrownBy(() -> Reference.of("x".repeat(65))).isInstanceOf(InvalidTextException.class);
    }

    @Test
    void lotRefsOrderByItemThenLot() {
        assertThat(List.of(LotRef.of("B", "1"), LotRef.of("A", "2"), LotRef.of("A", "10")).stream()
                        .sorted())
                .containsExactly(LotRef.of("A", "10"), LotRef.of("A", "2"), LotRef.of("B", "1"));
        assertThat(LotRef.of("RM-RESIN", "R-1")).hasToString("RM-RESIN/R-1");
    }
}
