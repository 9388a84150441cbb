package org.lotkeeper.model.scan;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lotkeeper.model.gs1.Gs1Decoder;
import org.lotkeeper.model.gs1.Gs1Exception;
import org.lotkeeper.model.gs1.Gs1Exception.Reason;
import org.lotkeeper.model.id.Gln;
import org.lotkeeper.model.id.Gtin;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.OrderCode;
import org.lotkeeper.model.id.ShipmentCode;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.id.UserId;

import static org.assertj.core.api.Assertions.assertThat;

class ScanRecogniserTest {

    private static final Gs1Decoder DECODER = Gs1Decoder.create()
            .withClock(Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneOffset.UTC))
            .withSeparator('~');
    private final ScanRecogniser recogniser = new ScanRecogniser(DECODER);

    private Scan scan(String text) {
        return recogniser.recognise(text.replace("<GS>", "\u001d"));
    }

    private Scan.Unrecognised unrecognised(String text) {
        Scan s = scan(text);
        assertThat(s).isInstanceOf(Scan.Unrecognised.class);
        return (Scan.Unrecognised) s;
    }

    @Test
    void gs1ProductLabel() {
        Scan s = scan("]C1010950110153000310ABC123<GS>17251231");
        assertThat(s).isInstanceOfSatisfying(Scan.Product.class, p -> {
            assertThat(p.data().gtin()).contains(Gtin.of("09501101530003"));
            assertThat(p.data().lot()).contains(LotCode.of("ABC123"));
        });
    }

    @Test
    void productLabelWithoutIdentifierFromAKeyboardWedge() {
        assertThat(scan("010950110153000310ABC123~17251231\r\n")).isInstanceOf(Scan.Product.class);
        assertThat(scan("(01)09501101530003(10)ABC123")).isInstanceOf(Scan.Product.class);
        assertThat(scan("https://id.gs1.org/01/09520123456788/10/ABC1")).isInstanceOf(Scan.Product.class);
        assertThat(scan("]E09501101530003")).isInstanceOf(Scan.Product.class);
    }

    @Test
    void ssccIsAContainerEvenWithItsContent() {
        Scan s = scan("00006141411234567890" + "0209501101530003" + "3712<GS>10L1");
        assertThat(s).isInstanceOfSatisfying(Scan.Container.class, c -> {
            assertThat(c.sscc()).isEqualTo(Sscc.of("006141411234567890"));
            assertThat(c.data().contentGtin()).contains(Gtin.of("09501101530003"));
        });
    }

    @Test
    void gs1LocationAsElementStringOrDigitalLink() {
        for (String text : new String[] {
            "4140614141000005254WH-A-01",
            "]C14140614141000005254WH-A-01",
            "]Q1https://id.gs1.org/414/0614141000005/254/WH-A-01"
        }) {
            assertThat(scan(text)).isInstanceOfSatisfying(Scan.GlnLocation.class, l -> {
                assertThat(l.gln()).isEqualTo(Gln.of("0614141000005"));
                assertThat(l.extension()).contains("WH-A-01");
            });
        }
        assertThat(scan("4140614141000005"))
                .isInstanceOfSatisfying(
                        Scan.GlnLocation.class, l -> assertThat(l.extension()).isEmpty());
    }

    @Test
    void returnableDrumIsOtherGs1Data() {
        assertThat(scan("]C1800300614141000418DRUM-12"))
                .isInstanceOfSatisfying(
                        Scan.OtherGs1.class, o -> assertThat(o.data().grai()).contains("00614141000418DRUM-12"));
    }

    @Test
    void internalPrefixes() {
        assertThat(scan("B:jdoe")).isEqualTo(new Scan.Badge(UserId.of("jdoe")));
        assertThat(scan("O:PO-2026-0042")).isEqualTo(new Scan.Order(OrderCode.of("PO-2026-0042")));
        assertThat(scan("S:DN-77812")).isEqualTo(new Scan.Shipment(ShipmentCode.of("DN-77812")));
        assertThat(scan("L:WH1-A-01")).isEqualTo(new Scan.Location(LocationCode.of("WH1-A-01")));
    }

    @Test
    void internalLabelsInPlainCode128OrQr() {
        assertThat(scan("]C0B:jdoe")).isEqualTo(new Scan.Badge(UserId.of("jdoe")));
        assertThat(scan("]Q1O:PO-1")).isEqualTo(new Scan.Order(OrderCode.of("PO-1")));
        assertThat(scan("]C0WH1-A-01")).isEqualTo(new Scan.Code("WH1-A-01"));
    }

    @Test
    void prefixWithAnInvalidCodeIsUnrecognised() {
        Scan.Unrecognised u = unrecognised("B:");
        assertThat(u.message()).contains("badge").contains("empty");
        assertThat(u.gs1Error()).isEmpty();
        assertThat(unrecognised("O:-x").message()).contains("order");
    }

    @Test
    void plainCodeIsPossiblyALocationOrALot() {
        assertThat(scan("WH1-A-01")).isInstanceOfSatisfying(Scan.Code.class, c -> {
            assertThat(c.asLocationCode()).isEqualTo(LocationCode.of("WH1-A-01"));
            assertThat(c.asLotCode()).contains(LotCode.of("WH1-A-01"));
        });
        assertThat(((Scan.Code) scan("A".repeat(30))).asLotCode()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1001", "0101", "11001231", "3102001234", "10A", "2101-B"})
    void numericLocationCodesThatLookLikeGs1WithoutAKeyArePlainCodes(String text) {
        assertThat(scan(text)).isEqualTo(new Scan.Code(text));
    }

    @Test
    void gs1FailuresKeepTheirSpecificError() {
        Scan.Unrecognised check = unrecognised("0109501101530004");
        assertThat(check.gs1Error()).map(Gs1Exception::reason).contains(Reason.CHECK_DIGIT);
        assertThat(check.message()).contains("Check digit");
        assertThat(unrecognised("]C10109501101530003" + "10AB#1").gs1Error())
                .map(Gs1Exception::reason)
                .contains(Reason.BAD_CHARACTER);
        assertThat(unrecognised("010950110153000310AB#1").gs1Error())
                .map(Gs1Exception::reason)
                .contains(Reason.BAD_CHARACTER);
        assertThat(unrecognised("01095011015300031725133110A").gs1Error())
                .map(Gs1Exception::reason)
                .contains(Reason.INVALID_DATE);
        assertThat(unrecognised("https://id.gs1.org/01/9520123456788").gs1Error())
                .map(Gs1Exception::reason)
                .contains(Reason.BAD_URI);
        assertThat(unrecognised("(01)0950110153000").gs1Error())
                .map(Gs1Exception::reason)
                .contains(Reason.TOO_SHORT);
    }

    @Test
    void textThatIsNeitherGs1NorACode() {
        Scan.Unrecognised u = unrecognised("hello world");
        assertThat(u.message()).contains("neither a GS1 label nor a Lotkeeper label");
        assertThat(unrecognised("\u0007beep").gs1Error())
                .map(Gs1Exception::reason)
                .contains(Reason.BAD_CHARACTER);
    }

    @Test
    void nothingScanned() {
        assertThat(unrecognised("").message()).contains("Nothing was scanned");
        assertThat(unrecognised("\r\n").message()).contains("Nothing was scanned");
        assertThat(recogniser.recognise(null)).isInstanceOf(Scan.Unrecognised.class);
    }

    @Test
    void tenKilobytesOfJunk() {
        assertThat(unrecognised("x".repeat(10_240)).gs1Error())
                .map(Gs1Exception::reason)
                .contains(Reason.TOO_LONG);
    }

    @Property(tries = 2000)
    void recogniserNeverThrows(@ForAll("scans") String text) {
        Scan s = recogniser.recognise(text);
        assertThat(s).isNotNull();
        if (s instanceof Scan.Unrecognised u) {
            assertThat(u.message()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> scans() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(50),
                Arbitraries.strings()
                        .withChars("0123456789BOSL:]C1Q-_./()~\u001d#\r\n ")
                        .ofMaxLength(50));
    }
}
