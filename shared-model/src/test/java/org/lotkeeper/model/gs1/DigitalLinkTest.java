package org.lotkeeper.model.gs1;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lotkeeper.model.gs1.Gs1Exception.Reason;
import org.lotkeeper.model.id.Gln;
import org.lotkeeper.model.id.Gtin;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotkeeper.model.gs1.Gs1TestSupport.DECODER;
import static org.lotkeeper.model.gs1.Gs1TestSupport.decode;
import static org.lotkeeper.model.gs1.Gs1TestSupport.decodeFails;
import static org.lotkeeper.model.gs1.Gs1TestSupport.failure;

class DigitalLinkTest {

    private static final String BASE = "https://id.gs1.org/01/09520123456788";

    @Test
    void gtinAlone() {
        Gs1Data data = decode(BASE);
        assertThat(data.gtin()).contains(Gtin.of("09520123456788"));
        assertThat(data.form()).isEqualTo(Gs1Form.DIGITAL_LINK);
        assertThat(data.symbology()).isEqualTo(Symbology.NONE);
    }

    @Test
    void httpAndUpperCaseSchemeAndTrailingSlashAndFragment() {
        assertThat(decode("http://example.com/01/09520123456788/").gtin()).isPresent();
        assertThat(decode("HTTPS://EXAMPLE.COM:8443/01/09520123456788#top").gtin())
                .isPresent();
    }

    @Test
    void stemBeforeTheKeyMayHoldAnything() {
        Gs1Data data = decode("https://brand.example.com/products/01/x/01/09520123456788/10/L1");
        assertThat(data.gtin()).contains(Gtin.of("09520123456788"));
        assertThat(data.lot()).contains(LotCode.of("L1"));
    }

    @Test
    void qualifiersAndDataAttributesInElementOrder() {
        Gs1Data data = decode(BASE + "/22/V1/10/ABC1/21/12345?17=180426&3103=001234");
        assertThat(data.elements()).extracting(Gs1Element::ai).containsExactly("01", "22", "10", "21", "17", "3103");
        assertThat(data.productVariant()).contains("V1");
        assertThat(data.netQuantity()).contains(Quantity.of("1.234", Uom.KGM));
        assertThat(data.expiry()).contains(LocalDate.of(2018, 4, 26));
    }

    @Test
    void percentEncodedValuesAreDecoded() {
        Gs1Data data = decode(BASE + "/10/AB%2FC%25?240=X%2BY");
        assertThat(data.lot()).contains(LotCode.of("AB/C%"));
        assertThat(data.additionalId()).contains("X+Y");
    }

    @Test
    void plusIsLiteralInThePath() {
        assertThat(decode(BASE + "/10/A+B").lot()).contains(LotCode.of("A+B"));
    }

    @Test
    void plusIsASpaceInTheQuery() {
        Gs1Exception e = decodeFails(BASE + "?240=A+B");
        assertThat(e.reason()).isEqualTo(Reason.BAD_CHARACTER);
    }

    @Test
    void nonNumericQueryParametersAreIgnored() {
        Gs1Data data = decode(BASE + "?linkType=gs1:pip&17=251231&utm_source=x&flag");
        assertThat(data.elements()).extracting(Gs1Element::ai).containsExactly("01", "17");
    }

    @Test
    void unknownNumericQueryParameterIsAnUnknownAi() {
        Gs1Exception e = decodeFails(BASE + "?99=x");
        assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_AI);
        assertThat(e.position()).isEqualTo(BASE.length() + 1);
        assertThat(decodeFails(BASE + "?3106=001234").reason()).isEqualTo(Reason.UNKNOWN_AI);
    }

    @ParameterizedTest
    @ValueSource(strings = {"?10=ABC", "?21=1", "?22=V", "?01=09520123456788"})
    void keyAndKeyQualifiersInTheQueryAreErrors(String query) {
        Gs1Exception e = decodeFails(BASE + query);
        assertThat(e.reason()).isEqualTo(Reason.BAD_URI);
        assertThat(e.position()).isEqualTo(BASE.length() + 1);
    }

    @Test
    void qualifiersOutOfOrderAreAnError() {
        Gs1Exception e = decodeFails(BASE + "/21/S1/10/L1");
        assertThat(e.reason()).isEqualTo(Reason.BAD_URI);
        assertThat(e.getMessage()).contains("out of order");
    }

    @Test
    void shortGtinInThePathIsRejectedByDefault() {
        Gs1Exception e = decodeFails("https://id.gs1.org/01/9520123456788");
        assertThat(e.reason()).isEqualTo(Reason.BAD_URI);
        assertThat(e.position()).isEqualTo(22);
    }

    @Test
    void shortGtinInThePathCanBeAllowed() {
        Gs1Data data = DECODER.withShortGtinsInDigitalLink(true).decode("https://id.gs1.org/01/9520123456788");
        assertThat(data.gtin()).contains(Gtin.of("09520123456788"));
    }

    @Test
    void wrongCheckDigitInThePathPointsAtIt() {
        Gs1Exception e = decodeFails("https://id.gs1.org/01/09520123456789");
        assertThat(e.reason()).isEqualTo(Reason.CHECK_DIGIT);
        assertThat(e.position()).isEqualTo(35);
    }

    @Test
    void invalidDateInTheQuery() {
        Gs1Exception e = decodeFails(BASE + "?17=251331");
        assertThat(e.reason()).isEqualTo(Reason.INVALID_DATE);
        assertThat(e.position()).isEqualTo(BASE.length() + 6);
    }

    @Test
    void locationWithExtension() {
        Gs1Data data = decode("https://id.gs1.org/414/0614141000005/254/WH-A-01");
        assertThat(data.physicalLocation()).contains(Gln.of("0614141000005"));
        assertThat(data.glnExtension()).contains("WH-A-01");
    }

    @Test
    void ssccWithContent() {
        Gs1Data data = decode("https://id.gs1.org/00/006141411234567890?02=09520123456788&37=20&10=L1");
        assertThat(data.sscc()).contains(Sscc.of("006141411234567890"));
        assertThat(data.contentGtin()).contains(Gtin.of("09520123456788"));
        assertThat(data.lot()).contains(LotCode.of("L1"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://id.gs1.org/",
                "https://id.gs1.org",
                "https:///01/09520123456788",
                "https://id.gs1.org/10/L1",
                "https://id.gs1.org/01",
                "https://id.gs1.org/17/251231",
                "https://id.gs1.org/414/0614141000005/10/L1",
                "https://id.gs1.org/01/09520123456788/10",
                "https://ex ample.com/01/09520123456788",
                "https://id.gs1.org/01/09520123456788/10/A%2",
                "https://id.gs1.org/01/09520123456788/10/A%G0"
            })
    void malformedLinksAreBadUris(String uri) {
        assertThat(decodeFails(uri).reason()).isEqualTo(Reason.BAD_URI);
    }

    @Test
    void badEscapePointsAtThePercentSign() {
        Gs1Exception e = decodeFails(BASE + "/10/A%G0");
        assertThat(e.position()).isEqualTo(BASE.length() + 5);
    }

    @Test
    void pairRulesApplyToLinksToo() {
        Gs1Exception e = decodeFails(BASE + "?37=5");
        assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN_PAIR);
        assertThat(failure(() -> DECODER.decode("https://id.gs1.org/414/0614141000005?8020=X"))
                        .reason())
                .isEqualTo(Reason.MISSING_PAIR);
    }

    @Test
    void lotWithASwallowedDateWarnsInLinksToo() {
        assertThat(decode(BASE + "/10/ABC12317251231").warnings()).hasSize(1);
    }
}
