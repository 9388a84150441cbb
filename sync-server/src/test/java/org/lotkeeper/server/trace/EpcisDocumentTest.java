package org.lotkeeper.server.trace;

import org.junit.jupiter.api.Test;
import org.lotkeeper.server.testing.Api;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema check the export tests rely on accepts GS1's own examples and refuses broken documents. */
class EpcisDocumentTest {

    /**
     * GS1's examples name the document with a JSON-LD blank node ({@code "_:document1"}), which is
     * not an RFC 3986 URI, so a validator that asserts formats refuses that one member; our
     * documents carry no {@code id}. Everything else of the examples must pass.
     */
    @Test
    void gs1ExamplesAreValidAgainstTheSchema() {
        assertThat(EpcisSchema.problems(Api.resource("epcis/Example_9.6.1-ObjectEvent.jsonld")))
                .containsExactly("/id: does not match the uri pattern must be a valid RFC 3986 URI");
        assertThat(EpcisSchema.problems(withoutBlankNodeId("epcis/Example_9.6.1-ObjectEvent.jsonld")))
                .isEmpty();
        assertThat(EpcisSchema.problems(withoutBlankNodeId("epcis/Example_9.6.4-TransformationEvent.jsonld")))
                .isEmpty();
    }

    private static String withoutBlankNodeId(String resource) {
        return Api.resource(resource).replace("\"id\": \"_:document1\",", "");
    }

    @Test
    void anEventWithoutTimeZoneOffsetOrWithABadBizStepIsRefused() {
        String example = withoutBlankNodeId("epcis/Example_9.6.1-ObjectEvent.jsonld");
        assertThat(EpcisSchema.problems(example)).isEmpty();
        assertThat(EpcisSchema.problems(example.replace("\"eventTimeZoneOffset\": \"-06:00\",", "")))
                .isNotEmpty();
        assertThat(EpcisSchema.problems(example.replace("\"bizStep\": \"shipping\"", "\"bizStep\": \"not a step\"")))
                .isNotEmpty();
        assertThat(EpcisSchema.problems(example.replace("\"action\": \"OBSERVE\"", "\"action\": \"LOOK\"")))
                .isNotEmpty();
    }

    @Test
    void lotCodesArePercentEncodedInDigitalLinks() {
        assertThat(EpcisWriter.pct("R-2402")).isEqualTo("R-2402");
        assertThat(EpcisWriter.pct("A/B 1%*")).isEqualTo("A%2FB%201%25%2A");
        assertThat(EpcisWriter.pct("x~y")).isEqualTo("x~y");
    }

    @Test
    void spreadsheetCellsThatLookLikeFormulasGetALeadingApostrophe() {
        assertThat(Fsma204Export.safeCell("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(Fsma204Export.safeCell("+1")).isEqualTo("'+1");
        assertThat(Fsma204Export.safeCell("-2")).isEqualTo("'-2");
        assertThat(Fsma204Export.safeCell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Fsma204Export.safeCell("R-2402")).isEqualTo("R-2402");
        assertThat(Fsma204Export.safeCell("")).isEmpty();
    }
}
