package org.lotkeeper.model.wire;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.lotkeeper.model.event.Event;
import org.lotkeeper.model.event.StatusChange;

import static org.assertj.core.api.Assertions.assertThat;

class DeviceEventRulesTest {

    @Test
    void holdFromADeviceIsFine() {
        assertThat(DeviceEventRules.check(Fixtures.event("status-hold.json"), ""))
                .isEmpty();
    }

    @Test
    void releaseFromADeviceIsRefusedAtTheStatusField() {
        ObjectNode release = Fixtures.with(Fixtures.tree("status-hold.json"), "payload.status", "RELEASED");

        assertThat(DeviceEventRules.check(Fixtures.read(release).value(), "events[2]"))
                .extracting(FieldProblem::code, FieldProblem::field)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ErrorCode.INVALID_FIELD, "events[2].payload.status"));
    }

    @Test
    void signedStatusFromADeviceIsRefused() throws Exception {
        ObjectNode signed =
                Fixtures.with(Fixtures.tree("status-hold.json"), "payload.signature", Fixtures.JSON.readTree("""
                {"signer": "quinn", "name": "Quinn Adeyemi", "meaning": "Held", "signedAt": "2026-11-25T09:00:00Z"}"""));

        Event event = Fixtures.read(signed).value();

        assertThat(((StatusChange) event.payload()).signature().signedAt())
                .isEqualTo(Instant.parse("2026-11-25T09:00:00Z"));
        assertThat(DeviceEventRules.check(event, ""))
                .extracting(FieldProblem::field)
                .containsExactly("payload.signature");
    }

    @Test
    void storedSignatureRoundTrips() throws Exception {
        ObjectNode signed = Fixtures.with(
                Fixtures.with(Fixtures.tree("status-hold.json"), "payload.status", "RELEASED"),
                "payload.signature",
                Fixtures.JSON.readTree("""
                        {"signer": "quinn", "name": "Quinn Adeyemi", "meaning": "Released for use",
                         "signedAt": "2026-11-16T13:00:00.250Z"}"""));

        Event event = Fixtures.read(signed).value();

        assertThat(Fixtures.JSON.readTree(EventJson.write(event))).isEqualTo(signed);
    }

    @Test
    void incompleteSignatureIsReportedAtItsPath() throws Exception {
        ObjectNode signed = Fixtures.with(
                Fixtures.tree("status-hold.json"),
                "payload.signature",
                Fixtures.JSON.readTree("{\"signer\": \"quinn\", \"name\": \"Q\", \"meaning\": \"Held\"}"));

        assertThat(Fixtures.read(signed).firstProblem().field()).isEqualTo("payload.signature.signedAt");
    }

    @Test
    void deviceEventNeedsASequenceNumber() {
        Event e = Fixtures.read(Fixtures.without(Fixtures.tree("move-riverside.json"), "deviceSeq"))
                .value();

        assertThat(DeviceEventRules.check(e, ""))
                .extracting(FieldProblem::code)
                .containsExactly(ErrorCode.MISSING_FIELD);
    }
}
