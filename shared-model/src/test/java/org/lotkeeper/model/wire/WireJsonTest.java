package org.lotkeeper.model.wire;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lotkeeper.model.auth.Role;
import org.lotkeeper.model.event.Reference;
import org.lotkeeper.model.id.DeviceId;
import org.lotkeeper.model.id.EventId;
import org.lotkeeper.model.id.Gln;
import org.lotkeeper.model.id.Gtin;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.id.SiteCode;
import org.lotkeeper.model.id.UserId;
import org.lotkeeper.model.lot.LocationType;
import org.lotkeeper.model.lot.LotNumbering;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.master.PartnerKind;
import org.lotkeeper.model.quantity.PackUnit;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WireJsonTest {

    private static final EventId E1 = EventId.parse("01936b2e-5c4f-7a10-9c8e-3b1f2a4d5e6f");
    private static final EventId E2 = EventId.parse("01936b2e-5c4f-7a10-9c8e-3b1f2a4d5e70");
    private static final EventId E3 = EventId.parse("01936b2e-5c4f-7a10-9c8e-3b1f2a4d5e71");
    private static final EventId E4 = EventId.parse("01936b2e-5c4f-7a10-9c8e-3b1f2a4d5e72");

    private static JsonNode tree(Object value) throws Exception {
        return Fixtures.JSON.readTree(WireJson.write(value));
    }

    private static JsonNode json(String text) throws Exception {
        return Fixtures.JSON.readTree(text);
    }

    @Test
    void pushResponseIsWrittenAsProtocolShowsIt() throws Exception {
        PushResponse response = new PushResponse(
                List.of(
                        PushResult.stored(E1, 1207, List.of()),
                        PushResult.stored(E2, 1208, List.of(Flag.NEGATIVE_BALANCE)),
                        PushResult.duplicate(E3, 1100, List.of()),
                        PushResult.rejected(
                                E4, PushError.of(ErrorCode.UNKNOWN_ITEM, "item RM-X is not in master data", null))),
                44,
                Instant.parse("2026-11-25T08:15:03.001Z"));

        assertThat(tree(response)).isEqualTo(json("""
                {"results": [
                  {"eventId": "01936b2e-5c4f-7a10-9c8e-3b1f2a4d5e6f", "status": "ACCEPTED", "ledgerSeq": 1207, "flags": []},
                  {"eventId": "01936b2e-5c4f-7a10-9c8e-3b1f2a4d5e70", "status": "FLAGGED", "ledgerSeq": 1208, "flags": ["NEGATIVE_BALANCE"]},
                  {"eventId": "01936b2e-5c4f-7a10-9c8e-3b1f2a4d5e71", "status": "DUPLICATE", "ledgerSeq": 1100, "flags": []},
                  {"eventId": "01936b2e-5c4f-7a10-9c8e-3b1f2a4d5e72", "status": "REJECTED", "error": {"code": "UNKNOWN_ITEM", "detail": "item RM-X is not in master data"}}
                ],
                "ackedThroughSeq": 44,
                "serverTime": "2026-11-25T08:15:03.001Z"}"""));
    }

    @Test
    void pushResponseReadsBackEqual() {
        PushResponse response = new PushResponse(
                List.of(
                        PushResult.stored(E1, 7, List.of(Flag.FEFO_DEVIATION, Flag.CLOCK_SKEW)),
                        PushResult.rejected(
                                E2,
                                new FieldProblem(ErrorCode.NOT_POSITIVE, "events[1].payload.quantity.value", "no"))),
                2,
                Instant.parse("2026-11-25T08:15:03Z"));

        assertThat(WireJson.read(WireJson.write(response), PushResponse.class).value())
                .isEqualTo(response);
    }

    @Test
    void flagsOfANewerServerAreDroppedNotFatal() {
        String body = """
                {"results": [{"eventId": "01936b2e-5c4f-7a10-9c8e-3b1f2a4d5e6f", "status": "FLAGGED", "ledgerSeq": 5,
                              "flags": ["QUANTUM_FLUX", "UNKNOWN_LOT"]}],
                 "ackedThroughSeq": 5, "serverTime": "2026-11-25T08:15:03Z", "newTopLevelField": {"x": 1}}""";

        PushResponse read = WireJson.read(body.getBytes(StandardCharsets.UTF_8), PushResponse.class)
                .value();

        assertThat(read.results().get(0).flags()).containsExactly(Flag.UNKNOWN_LOT);
    }

    @Test
    void errorCodesOfANewerServerAreKeptAsText() {
        String body = """
                {"results": [{"eventId": "01936b2e-5c4f-7a10-9c8e-3b1f2a4d5e6f", "status": "REJECTED",
                              "error": {"code": "LOT_BLOCKED_BY_MOON", "detail": "d"}}],
                 "ackedThroughSeq": 5, "serverTime": "2026-11-25T08:15:03Z"}""";

        PushError error = WireJson.read(body.getBytes(StandardCharsets.UTF_8), PushResponse.class)
                .value()
                .results()
                .get(0)
                .error();

        assertThat(error.code()).isEqualTo("LOT_BLOCKED_BY_MOON");
        assertThat(error.rejectionCode()).isEmpty();
    }

    @Test
    void pushResultRefusesInconsistentStates() {
        assertThatThrownBy(() -> new PushResult(E1, PushStatus.FLAGGED, 1L, List.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PushResult(E1, PushStatus.REJECTED, null, List.of(), null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new PushResult(E1, PushStatus.ACCEPTED, null, List.of(), null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void pullResponseRoundTripsWithProtocolFieldNames() throws Exception {
        PullResponse pull = new PullResponse(
                "c-42",
                true,
                List.of(new ItemRow(
                        ItemCode.of("FG-PRIMER"),
                        "Grey primer",
                        Gtin.of("10614141000101"),
                        Uom.H87,
                        true,
                        false,
                        365,
                        90,
                        LotNumbering.MANUAL,
                        null,
                        List.of(new PackUnit("PAIL", new BigDecimal("20.0"))),
                        List.of(PartnerCode.of("RESINCO")))),
                List.of(new LocationRow(LocationCode.of("WH-A-01"), SiteCode.of("PLANT-1"), LocationType.STORAGE, 10)),
                List.of(new PartnerRow(
                        PartnerCode.of("BUILDMART"), "BuildMart", PartnerKind.CUSTOMER, Gln.of("0614141000005"), 120)),
                List.of(new LotRow(
                        ItemCode.of("FG-PRIMER"),
                        LotCode.of("PR-1001"),
                        LotStatus.RELEASED,
                        LocalDate.parse("2027-11-17"),
                        null,
                        Instant.parse("2026-11-17T10:00:00Z"))),
                List.of(new StockRow(
                        ItemCode.of("FG-PRIMER"),
                        LotCode.of("PR-1001"),
                        LocationCode.of("WH-A-01"),
                        Quantity.of("15", Uom.H87))),
                List.of(new TaskRow(
                        Reference.of("CC-1"),
                        "COUNT",
                        List.of(new TaskRow.Line(
                                ItemCode.of("FG-PRIMER"),
                                LotCode.of("PR-1001"),
                                LocationCode.of("WH-A-01"),
                                null,
                                null)))),
                List.of(new UserRow(
                        UserId.of("ben"), "Ben Okafor", "B-0002", List.of(Role.OPERATOR), "$argon2id$v=19$...")));

        JsonNode written = tree(pull);

        assertThat(written.get("items").get(0).get("packUnits"))
                .isEqualTo(json("[{\"code\": \"PAIL\", \"factor\": \"20\"}]"));
        assertThat(written.get("items").get(0).has("lotPattern")).isFalse();
        assertThat(written.get("lots").get(0)).isEqualTo(json("""
                {"item": "FG-PRIMER", "lot": "PR-1001", "status": "RELEASED", "expiry": "2027-11-17", "receivedAt": "2026-11-17T10:00:00Z"}"""));
        assertThat(written.get("stock").get(0)).isEqualTo(json("""
                {"item": "FG-PRIMER", "lot": "PR-1001", "location": "WH-A-01", "quantity": {"value": "15", "uom": "H87"}}"""));
        assertThat(written.get("users").get(0).fieldNames())
                .toIterable()
                .containsExactly("userId", "name", "badge", "roles", "pinVerifier");
        PullResponse read =
                WireJson.read(WireJson.write(pull), PullResponse.class).value();
        assertThat(read.lots()).isEqualTo(pull.lots());
        assertThat(read.stock()).isEqualTo(pull.stock());
        assertThat(read.tasks()).isEqualTo(pull.tasks());
        assertThat(read.users()).isEqualTo(pull.users());
        assertThat(read.items().get(0).packUnits().get(0).factor()).isEqualByComparingTo("20");
    }

    @Test
    void pullResponseWithMissingListsReadsAsEmpty() {
        PullResponse read = WireJson.read(
                        "{\"cursor\": \"c\", \"complete\": false}".getBytes(StandardCharsets.UTF_8), PullResponse.class)
                .value();

        assertThat(read.complete()).isFalse();
        assertThat(read.lots()).isEmpty();
        assertThat(read.users()).isEmpty();
    }

    @Test
    void userRowNeverShowsThePinVerifier() {
        UserRow user = new UserRow(UserId.of("ben"), "Ben", "B-1", List.of(Role.OPERATOR), "secret-verifier");

        assertThat(user.toString()).doesNotContain("secret-verifier");
    }

    @Test
    void badPullRowIsReportedWithItsPath() {
        String body = """
                {"cursor": "c", "complete": true, "lots": [
                  {"item": "A", "lot": "L1", "status": "RELEASED"},
                  {"item": "A", "lot": "L#2", "status": "RELEASED"}]}""";

        FieldProblem p = WireJson.read(body.getBytes(StandardCharsets.UTF_8), PullResponse.class)
                .firstProblem();

        assertThat(p.code()).isEqualTo(ErrorCode.BAD_FORMAT);
        assertThat(p.field()).isEqualTo("lots[1].lot");
    }

    @Test
    void unknownStatusInAPullRowIsAnUnknownEnum() {
        String body = "{\"cursor\": \"c\", \"lots\": [{\"item\": \"A\", \"lot\": \"L1\", \"status\": \"MELTED\"}]}";

        FieldProblem p = WireJson.read(body.getBytes(StandardCharsets.UTF_8), PullResponse.class)
                .firstProblem();

        assertThat(p.code()).isEqualTo(ErrorCode.UNKNOWN_ENUM);
        assertThat(p.field()).isEqualTo("lots[0].status");
    }

    @Test
    void quantityAsNumberIsRefusedByTheMapperToo() {
        String body = "{\"cursor\": \"c\", \"stock\": [{\"item\": \"A\", \"lot\": \"L1\", \"location\": \"B\","
                + " \"quantity\": {\"value\": 1.5, \"uom\": \"KGM\"}}]}";

        FieldProblem p = WireJson.read(body.getBytes(StandardCharsets.UTF_8), PullResponse.class)
                .firstProblem();

        assertThat(p.field()).isEqualTo("stock[0].quantity");
        assertThat(p.detail()).contains("string");
    }

    @Test
    void missingRequiredRecordFieldIsMissing() {
        FieldProblem p = WireJson.read("{\"complete\": true}".getBytes(StandardCharsets.UTF_8), PullResponse.class)
                .firstProblem();

        assertThat(p.code()).isEqualTo(ErrorCode.MISSING_FIELD);
        assertThat(p.detail()).contains("cursor");
    }

    @Test
    void malformedAndHostileBodiesAreProblemsNotExceptions() {
        assertThat(WireJson.read("{".getBytes(StandardCharsets.UTF_8), PullResponse.class)
                        .firstProblem()
                        .code())
                .isEqualTo(ErrorCode.MALFORMED_JSON);
        assertThat(WireJson.read(("{\"x\": " + "[".repeat(5_000)).getBytes(StandardCharsets.UTF_8), PullResponse.class)
                        .firstProblem()
                        .code())
                .isEqualTo(ErrorCode.MALFORMED_JSON);
        assertThat(WireJson.read(new byte[0], PullResponse.class).firstProblem().code())
                .isEqualTo(ErrorCode.MALFORMED_JSON);
        assertThat(WireJson.read("null".getBytes(StandardCharsets.UTF_8), PullResponse.class)
                        .isOk())
                .isFalse();
    }

    @Test
    void problemDetailIsWrittenAsProblemJson() throws Exception {
        ProblemDetail problem = ProblemDetail.badRequest(
                new FieldProblem(ErrorCode.MISSING_FIELD, "events[0].eventId", "eventId is required"));

        assertThat(tree(problem)).isEqualTo(json("""
                {"type": "urn:lotkeeper:problem:MISSING_FIELD", "title": "Bad request", "status": 400,
                 "code": "MISSING_FIELD", "detail": "eventId is required", "field": "events[0].eventId"}"""));
        assertThat(tree(ProblemDetail.sequenceGap(42, "expected 42"))
                        .get("expectedSeq")
                        .asLong())
                .isEqualTo(42);
        assertThat(WireJson.read(WireJson.write(problem), ProblemDetail.class).value())
                .isEqualTo(problem);
    }

    @Test
    void identifiersAreWrittenAsPlainStrings() throws Exception {
        PushRequest request =
                new PushRequest(DeviceId.of("dev-7f3a"), List.of(Fixtures.event("receive-protocol.json")));

        JsonNode written = tree(request);

        assertThat(written.get("deviceId").asText()).isEqualTo("dev-7f3a");
        assertThat(written.get("events").get(0)).isEqualTo(Fixtures.tree("receive-protocol.json"));
        assertThat(WireJson.read(WireJson.write(request), PushRequest.class).value())
                .isEqualTo(request);
    }

    @Test
    void strictMapperReadOfAPushWithABadEventNamesTheEvent() {
        String body = "{\"deviceId\": \"d\", \"events\": ["
                + Fixtures.with(Fixtures.tree("move-riverside.json"), "payload.lot", "R#1") + "]}";

        FieldProblem p = WireJson.read(body.getBytes(StandardCharsets.UTF_8), PushRequest.class)
                .firstProblem();

        assertThat(p.field()).isEqualTo("events[0]");
        assertThat(p.detail()).contains("payload.lot");
    }
}
