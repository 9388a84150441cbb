package org.lotkeeper.server.epcis;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.lotkeeper.server.api.Refused;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Whatever a partner sends, the capture's readers answer or refuse with a problem: a document
 * reader that meets arbitrary bytes or mangled documents throws nothing but {@link Refused}, and
 * the identifier reader never throws; a Digital Link written from a GTIN and a lot reads back to
 * them, in either of its forms.
 */
class EpcisInputPropertyTest {

    private static final String VALID = EpcisCaptureTest.document(EpcisCaptureTest.transformation(
            "urn:uuid:0d9c6b5e-6f8e-4c3e-9a53-6f0f1c1e2a11",
            java.util.List.of(EpcisCaptureTest.quantity("https://id.gs1.org/01/00614141555553/10/A", "1", "KGM")),
            java.util.List.of(EpcisCaptureTest.quantity("https://id.gs1.org/01/00614141777778/10/B", "1", "KGM"))));

    @Property(tries = 300)
    void arbitraryBytesAreReadOrRefusedNeverCrash(@ForAll byte[] body) {
        Throwable t = catchThrowable(() -> EpcisDocument.read(body));
        assertThat(t == null || t instanceof Refused).as(String.valueOf(t)).isTrue();
    }

    @Property(tries = 300)
    void aValidDocumentMangledAnywhereIsReadOrRefusedNeverCrash(
            @ForAll("positions") int at, @ForAll("junk") String junk, @ForAll boolean replace) {
        int cut = Math.min(at, VALID.length());
        String mangled = VALID.substring(0, cut)
                + junk
                + VALID.substring(Math.min(VALID.length(), cut + (replace ? junk.length() : 0)));
        Throwable t = catchThrowable(() -> EpcisDocument.read(mangled.getBytes(StandardCharsets.UTF_8)));
        assertThat(t == null || t instanceof Refused).as(String.valueOf(t)).isTrue();
    }

    @Property(tries = 500)
    void identifiersNeverThrow(@ForAll("identifiers") String id) {
        EpcIds.canonical(id);
        EpcIds.product(id);
        EpcIds.gln(id);
        EpcIds.vocabulary(id);
    }

    @Property(tries = 300)
    void aGtinAndLotReadBackFromTheirDigitalLink(@ForAll("gtins") String gtin, @ForAll("lots") String lot) {
        String link = "https://example.com/01/" + gtin + "/10/"
                + java.net.URLEncoder.encode(lot, StandardCharsets.UTF_8).replace("+", "%20");
        Optional<EpcIds.Product> p = EpcIds.product(link);
        assertThat(p).isPresent();
        assertThat(p.get().gtin()).isEqualTo("0".repeat(14 - gtin.length()) + gtin);
        assertThat(p.get().lot()).isEqualTo(lot);
        assertThat(EpcIds.product(p.get().epc())).contains(p.get());
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, VALID.length());
    }

    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12),
                Arbitraries.of(
                        "{",
                        "}",
                        "[",
                        "]",
                        "\"",
                        ",",
                        ":",
                        "null",
                        "1e999",
                        "-0",
                        "\\u0000",
                        "{\"a\":{\"b\":[[[[",
                        "true"));
    }

    @Provide
    Arbitrary<String> identifiers() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(80),
                Combinators.combine(
                                Arbitraries.of(
                                        "urn:epc:class:lgtin:",
                                        "urn:epc:id:sgtin:",
                                        "urn:epc:idpat:sgtin:",
                                        "urn:epc:id:sgln:",
                                        "urn:epc:id:pgln:",
                                        "https://id.gs1.org/01/",
                                        "https://x.example/414/",
                                        "http://a/b/417/",
                                        "urn:epcglobal:cbv:bizstep:",
                                        "https://ref.gs1.org/cbv/BizStep-"),
                                Arbitraries.strings()
                                        .withChars("0123456789./%-*:ABCxyz")
                                        .ofMaxLength(40))
                        .as((a, b) -> a + b));
    }

    @Provide
    Arbitrary<String> gtins() {
        return Arbitraries.oneOf(
                Arbitraries.strings().numeric().ofLength(8),
                Arbitraries.strings().numeric().ofLength(12),
                Arbitraries.strings().numeric().ofLength(13),
                Arbitraries.strings().numeric().ofLength(14));
    }

    @Provide
    Arbitrary<String> lots() {
        // GS1 AI 10: up to 20 characters of set 82
        return Arbitraries.strings()
                .withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!\"%&'()*+,-./:;<=>?_")
                .ofMinLength(1)
                .ofMaxLength(20);
    }
}
