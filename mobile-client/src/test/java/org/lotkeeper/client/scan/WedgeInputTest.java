package org.lotkeeper.client.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.lotkeeper.model.gs1.Gs1Decoder;
import org.lotkeeper.model.gs1.Symbology;
import org.lotkeeper.model.scan.Scan;
import org.lotkeeper.model.scan.ScanRecogniser;

import static org.assertj.core.api.Assertions.assertThat;

class WedgeInputTest {

    private static final String GS = "\u001d";
    private static final String RIVERSIDE_LABEL =
            "]C1011061414100001910ACR-778" + GS + "172703313100001000" + GS + "400PO-7780";
    private static final String RIVERSIDE_WEDGE_TILDE = "]C1011061414100001910ACR-778~172703313100001000~400PO-7780";

    /** Types {@code text} with {@code gap} ms between keys, then the terminator {@code gap} ms later. */
    private static List<RawScan> type(WedgeInput input, String text, long start, long gap, boolean tab) {
        List<RawScan> out = new ArrayList<>();
        long t = start;
        for (int ci = 0; ci < text.length(); ci++) {

            char c = text.charAt(ci);
            input.key(WedgeKey.ch(c, t)).ifPresent(out::add);
            t += gap;
        }
        (tab ? input.key(WedgeKey.tab(t)) : input.key(WedgeKey.enter(t))).ifPresent(out::add);
        return out;
    }

    @Test
    void fastBurstWithTildeForGsBecomesTheRiversideLabelWithRealSeparators() {
        WedgeInput input = new WedgeInput(WedgeSettings.defaults().withGsReplacement('~'));

        List<RawScan> scans = type(input, RIVERSIDE_WEDGE_TILDE, 1_000, 8, false);

        assertThat(scans).singleElement().satisfies(scan -> {
            assertThat(scan.text()).isEqualTo(RIVERSIDE_LABEL);
            assertThat(scan.source()).isEqualTo(ScanSource.WEDGE);
            assertThat(scan.symbology()).isEqualTo(Symbology.GS1_128);
        });
    }

    @Test
    void wedgeLabelDecodesToTheSupplierLotExpiryQuantityAndPo() {
        WedgeInput input = new WedgeInput(WedgeSettings.defaults().withGsReplacement('~'));
        RawScan scan = type(input, RIVERSIDE_WEDGE_TILDE, 0, 5, false).get(0);

        Scan recognised = new ScanRecogniser(Gs1Decoder.create()).recognise(scan.text());

        assertThat(recognised).isInstanceOfSatisfying(Scan.Product.class, p -> {
            assertThat(p.data().lot())
                    .hasValueSatisfying(l -> assertThat(l.value()).isEqualTo("ACR-778"));
            assertThat(p.data().expiry()).hasValueSatisfying(d -> assertThat(d).hasToString("2027-03-31"));
            assertThat(p.data().quantity())
                    .hasValueSatisfying(q -> assertThat(q).hasToString("1000 kg"));
            assertThat(p.data().customerPo()).contains("PO-7780");
        });
    }

    @Test
    void slowTypingIsManualAndKeepsTheTextAsTyped() {
        WedgeInput input = new WedgeInput(WedgeSettings.defaults().withGsReplacement('~'));

        List<RawScan> scans = type(input, "RCV-DOCK-1", 0, 180, false);

        assertThat(scans).singleElement().satisfies(scan -> {
            assertThat(scan.text()).isEqualTo("RCV-DOCK-1");
            assertThat(scan.source()).isEqualTo(ScanSource.MANUAL);
        });
    }

    @Test
    void typingManuallyDoesNotReplaceTheGsCharacter() {
        WedgeInput input = new WedgeInput(WedgeSettings.defaults().withGsReplacement('~'));

        RawScan scan = type(input, "10A~17270331", 0, 200, false).get(0);

        assertThat(scan.source()).isEqualTo(ScanSource.MANUAL);
        assertThat(scan.text()).isEqualTo("10A~17270331");
    }

    @Test
    void burstAtExactlyTheLimitIsAScanAndOneMillisecondMoreIsTyping() {
        WedgeSettings settings = WedgeSettings.defaults();

        assertThat(type(new WedgeInput(settings), "WH-A-01", 0, 30, false)
                        .get(0)
                        .source())
                .isEqualTo(ScanSource.WEDGE);
        assertThat(type(new WedgeInput(settings), "WH-A-01", 0, 31, false)
                        .get(0)
                        .source())
                .isEqualTo(ScanSource.MANUAL);
    }

    @Test
    void fastBurstShorterThanTheMinimumIsTyping() {
        WedgeInput input = new WedgeInput(new WedgeSettings("", "", WedgeSettings.Terminator.ENTER, null, 30, 6));

        assertThat(type(input, "ABC", 0, 5, false).get(0).source()).isEqualTo(ScanSource.MANUAL);
    }

    @Test
    void lateTerminatorMakesTheInputManual() {
        WedgeInput input = new WedgeInput(WedgeSettings.defaults());
        for (char c : "WH-A-01".toCharArray()) {
            input.key(WedgeKey.ch(c, 0));
        }

        Optional<RawScan> scan = input.key(WedgeKey.enter(2_000));

        assertThat(scan).hasValueSatisfying(s -> assertThat(s.source()).isEqualTo(ScanSource.MANUAL));
    }

    @Test
    void strayKeyBeforeABurstIsDropped() {
        WedgeInput input = new WedgeInput(WedgeSettings.defaults());
        input.key(WedgeKey.ch('x', 0));

        List<RawScan> scans = type(input, "RCV-DOCK-1", 5_000, 4, false);

        assertThat(scans).singleElement().satisfies(s -> {
            assertThat(s.text()).isEqualTo("RCV-DOCK-1");
            assertThat(s.source()).isEqualTo(ScanSource.WEDGE);
        });
    }

    @Test
    void prefixAndSuffixAreStrippedAndTabTerminates() {
        WedgeInput input = new WedgeInput(new WedgeSettings("@@", "#", WedgeSettings.Terminator.TAB, '|', 30, 4));

        List<RawScan> scans = type(input, "@@]C1010950110153000310ABC123|17251231#", 0, 3, true);

        assertThat(scans).singleElement().satisfies(s -> {
            assertThat(s.text()).isEqualTo("]C1010950110153000310ABC123" + GS + "17251231");
            assertThat(s.symbology()).isEqualTo(Symbology.GS1_128);
        });
    }

    @Test
    void tabSentForGsBecomesGsWhenEnterTerminates() {
        WedgeInput input = new WedgeInput(WedgeSettings.defaults().withGsReplacement('\t'));
        long t = 0;
        for (char c : "010950110153000310ABC123".toCharArray()) {
            input.key(WedgeKey.ch(c, t++));
        }
        input.key(WedgeKey.tab(t++));
        for (char c : "17251231".toCharArray()) {
            input.key(WedgeKey.ch(c, t++));
        }

        Optional<RawScan> scan = input.key(WedgeKey.enter(t));

        assertThat(scan)
                .hasValueSatisfying(s -> assertThat(s.text()).isEqualTo("010950110153000310ABC123" + GS + "17251231"));
    }

    @Test
    void twoScansInARowGiveTwoRawScans() {
        WedgeInput input = new WedgeInput(WedgeSettings.defaults());

        List<RawScan> first = type(input, "RCV-DOCK-1", 0, 5, false);
        List<RawScan> second = type(input, "WH-A-01", 900, 5, false);

        assertThat(first).extracting(RawScan::text).containsExactly("RCV-DOCK-1");
        assertThat(second).extracting(RawScan::text).containsExactly("WH-A-01");
    }

    @Test
    void enterWithoutInputGivesNothing() {
        WedgeInput input = new WedgeInput(WedgeSettings.defaults());

        assertThat(input.key(WedgeKey.enter(0))).isEmpty();
    }

    @Test
    void symbologyIsReadFromTheIdentifier() {
        assertThat(RawScan.symbologyOf("]d2011061414100002610TX-55")).isEqualTo(Symbology.GS1_DATAMATRIX);
        assertThat(RawScan.symbologyOf("]Q1https://id.gs1.org/01/10614141000033"))
                .isEqualTo(Symbology.QR);
        assertThat(RawScan.symbologyOf("]A0CODE39")).isEqualTo(Symbology.OTHER);
        assertThat(RawScan.symbologyOf("RCV-DOCK-1")).isEqualTo(Symbology.NONE);
    }
}
