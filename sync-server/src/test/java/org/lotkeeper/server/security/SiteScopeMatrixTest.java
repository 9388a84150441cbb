package org.lotkeeper.server.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.Database;
import org.lotkeeper.server.testing.PostgresResource;
import org.lotkeeper.server.testing.Riverside;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The other two dimensions of the security matrix, over every endpoint the resources declare
 * (the same scan as {@link RoleMatrixTest}): no token and a revoked device are refused with 401
 * everywhere but the two open endpoints; a user who holds every role but ADMIN at another site
 * reaches nothing of PLANT-1 — each call naming a PLANT-1 lot, task, recall, exception,
 * variance, device, document or pallet is refused, and lists come back without PLANT-1's data.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class SiteScopeMatrixTest {

    @Inject
    DataSource ds;

    @Test
    void noTokenRevokedDevicesAndUsersOfAnotherSiteReachNothingOfThisSite() {
        Database.resetLedger(ds);
        Database.execute(ds, "TRUNCATE task_line, task");
        new Riverside().play();
        String sam = Api.token("sam", "sam-Passw0rd!");
        String quinn = Api.token("quinn", "quinn-Passw0rd!");
        Api.as(Api.adminToken()).body("""
                {"sites": [{"code": "PLANT-2", "name": "Plant 2"}],
                 "users": [{"userId": "other-all", "name": "Everything at plant 2", "roles": ["OPERATOR", "RECEIVER", "QA", "SUPERVISOR"],
                            "sites": ["PLANT-2"], "password": "other-Passw0rd!"}]}""").put("/api/v1/masterdata").then().statusCode(200);
        String other = Api.token("other-all", "other-Passw0rd!");

        // PLANT-1 things to name: a task, a recall, an exception, a variance, a document, a device, a pallet.
        Api.as(sam)
                .body("{\"id\": \"SO-9\", \"site\": \"PLANT-1\", \"kind\": \"PICK\", \"partner\": \"BUILDMART\", "
                        + "\"lines\": [{\"item\": \"FG-PRIMER\", \"quantity\": 1}]}")
                .post("/api/v1/tasks")
                .then()
                .statusCode(200);
        String recall = Api.as(quinn)
                .body("{\"mock\": true, \"lots\": [{\"item\": \"RM-RESIN\", \"lot\": \"R-2401\"}]}")
                .post("/api/v1/recalls")
                .then()
                .statusCode(200)
                .extract()
                .path("recallId");
        long exception = Database.count(ds, "SELECT min(id) FROM exception");
        long variance = Database.count(ds, "SELECT min(id) FROM count_variance");
        String document = Database.rows(ds, "SELECT id FROM document LIMIT 1")
                .get(0)
                .get("id")
                .toString();
        String[] revoked = Riverside.enroll(sam, "to-revoke");
        String[] gun = Riverside.enroll(sam, "plant-1-gun");
        String deviceId = gun[0];
        String pallet = "006141410000000012";
        assertThat(Riverside.pack(gun, 1, "ben", pallet, "WH-A-01", "RM-RESIN", "R-2401", "10", "KGM")
                        .get("status")
                        .asText())
                .isEqualTo("ACCEPTED");
        Api.as(sam).delete("/api/v1/devices/" + revoked[0]).then().statusCode(200);

        Map<String, String> ids = Map.of(
                "/api/v1/tasks",
                "SO-9",
                "/api/v1/recalls",
                recall,
                "/api/v1/exceptions",
                Long.toString(exception),
                "/api/v1/variances",
                Long.toString(variance),
                "/api/v1/documents",
                document);
        List<String> wrong = new ArrayList<>();
        for (RoleMatrixTest.Endpoint e : RoleMatrixTest.endpoints()) {
            String path = e.template()
                    .replace("{item}", "RM-RESIN")
                    .replace("{lot}", "R-2401")
                    .replace("{deviceId}", deviceId)
                    .replace("{sscc}", pallet)
                    .replace("{shipment}", "SHP-1");
            for (Map.Entry<String, String> prefix : ids.entrySet()) {
                if (path.startsWith(prefix.getKey() + "/{id}")) {
                    path = path.replace("{id}", prefix.getValue());
                }
            }
            path = path.replace("{kind}", "items").replaceAll("\\{[^}]+}", "x");
            if (path.equals("/api/v1/export/epcis") || path.equals("/api/v1/export/fsma204.xlsx")) {
                path += "?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z";
            }
            String body = body(e.template());
            boolean open = e.roles().contains("*");

            Response anonymous = call(given(), e, path, body);
            Response revokedDevice = call(given().header("Authorization", "Bearer " + revoked[1]), e, path, body);
            if (!open && anonymous.statusCode() != 401) {
                wrong.add("no token: " + e.method() + " " + path + " → " + anonymous.statusCode());
            }
            if (!open && revokedDevice.statusCode() != 401) {
                wrong.add("revoked device: " + e.method() + " " + path + " → " + revokedDevice.statusCode());
            }
            if (open
                    || e.path().contains("/admin/")
                    || e.path().startsWith("/api/v1/masterdata")
                    || e.path().startsWith("/api/v1/items/")
                    || e.path().startsWith("/api/v1/specifications/")
                    || e.template().contains("barcodes")
                    || (e.method().equals("POST") && e.path().equals("/api/v1/epcis/capture"))) {
                // open, or refused to this user by role (RoleMatrixTest), or holds no site data (an
                // item's specification belongs to the item, which every site shares; a capture stores
                // a partner's events, and one that would make an expected receipt at another's site
                // is refused event by event: EpcisCaptureTest)
                continue;
            }
            Response r = call(given().header("Authorization", "Bearer " + other), e, path, body);
            int status = r.statusCode();
            String answer = r.asString();
            boolean refused = status == 403 || status == 404;
            // a call naming a PLANT-1 thing must be refused: a 200 on it is a leak whatever the body
            // says (a document's bytes, a label, a CSV name no site); a list may answer, without PLANT-1
            String called = path;
            String asked = e.method().equals("GET") ? path : path + " " + body;
            boolean namesPlant1 = asked.contains("PLANT-1")
                    || asked.contains("R-2401")
                    || asked.contains(deviceId)
                    || asked.contains(pallet)
                    || ids.values().stream().anyMatch(id -> namesSegment(called, id));
            boolean emptyOfPlant1 = status == 200
                    && !namesPlant1
                    && !answer.contains("PLANT-1")
                    && !answer.contains("R-2401")
                    && !answer.contains("SO-9");
            if (!refused && !emptyOfPlant1) {
                wrong.add("user of PLANT-2: " + e.method() + " " + path + " → " + status + " "
                        + (answer.length() > 200 ? answer.substring(0, 200) : answer));
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** Whether one segment of the path (before any query) is exactly {@code id}. */
    private static boolean namesSegment(String path, String id) {
        String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return List.of(p.split("/")).contains(id);
    }

    /** A body that names PLANT-1 things, for the endpoints that take one. */
    private static String body(String template) {
        if (template.endsWith("/status")) {
            return "{\"status\": \"ON_HOLD\", \"reason\": \"site test\"}";
        }
        if (template.equals("/api/v1/recalls")) {
            return "{\"mock\": true, \"lots\": [{\"item\": \"RM-RESIN\", \"lot\": \"R-2401\"}]}";
        }
        if (template.equals("/api/v1/tasks")) {
            return "{\"id\": \"SO-10\", \"site\": \"PLANT-1\", \"kind\": \"COUNT\", \"lines\": [{\"item\": \"FG-PRIMER\", \"location\": \"WH-A-01\"}]}";
        }
        if (template.equals("/api/v1/tasks/csv")) {
            return "id,kind,site,item,location\nSO-11,COUNT,PLANT-1,FG-PRIMER,WH-A-01\n";
        }
        if (template.equals("/api/v1/results/csv")) {
            return "item,lot,test,value\nRM-RESIN,R-2401,ID,PASS\n";
        }
        if (template.equals("/api/v1/devices/enrollments")) {
            return "{\"site\": \"PLANT-1\", \"label\": \"sneaky\"}";
        }
        if (template.equals("/api/v1/sync/push")) {
            return "{\"deviceId\": \"x\", \"events\": []}";
        }
        return "{\"note\": \"site test\"}";
    }

    private static Response call(RequestSpecification spec, RoleMatrixTest.Endpoint e, String path, String body) {
        if (e.consumes().startsWith("multipart")) {
            return spec.multiPart("kind", "COA")
                    .multiPart("lots", "[{\"item\": \"RM-RESIN\", \"lot\": \"R-2401\"}]")
                    .multiPart("file", "x.txt", "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain")
                    .request(e.method(), path);
        }
        return spec.contentType(e.consumes()).body(body).request(e.method(), path);
    }
}
