package org.lotkeeper.server.security;

import java.nio.charset.StandardCharsets;

import javax.sql.DataSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.Database;
import org.lotkeeper.server.testing.PostgresResource;
import org.lotkeeper.server.testing.Riverside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Documents are reached through the lots and items of the reader's sites: a plant 2 SDS linked to
 * an item shows on plant 2's lot pages only, and neither it nor a plant 1 COA downloads for a user
 * of the other site (404, as for an id that does not exist).
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class DocumentScopeTest {

    @Inject
    DataSource ds;

    @Test
    void aDocumentIsReachedOnlyThroughTheReadersSites() {
        Database.resetLedger(ds);
        new Riverside().play();
        Api.as(Api.adminToken()).body("""
                {"sites": [{"code": "PLANT-2", "name": "Plant 2"}],
                 "users": [{"userId": "pia", "name": "Pia, QA at plant 2", "roles": ["QA"],
                            "sites": ["PLANT-2"], "password": "pia-Passw0rd!"}]}""").put("/api/v1/masterdata").then().statusCode(200);
        String pia = Api.token("pia", "pia-Passw0rd!");
        String quinn = Api.token("quinn", "quinn-Passw0rd!");

        String sds = upload(pia, "[\"RM-RESIN\"]", null)
                .then()
                .statusCode(200)
                .extract()
                .path("documentId");
        String coa = Database.rows(
                        ds, "SELECT document_id FROM document_link WHERE item = 'RM-RESIN' AND lot = 'R-2401' LIMIT 1")
                .get(0)
                .get("document_id")
                .toString();

        // plant 1 sees its COA on R-2401's page, not plant 2's SDS of the same item
        String lotPage = Api.as(quinn)
                .get("/api/v1/lots/RM-RESIN/R-2401")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(lotPage).contains(coa).doesNotContain(sds);
        Api.as(quinn).get("/api/v1/documents/" + sds).then().statusCode(404);
        Api.as(quinn).get("/api/v1/documents/" + coa).then().statusCode(200);
        Api.as(pia).get("/api/v1/documents/" + sds).then().statusCode(200);
        Api.as(pia).get("/api/v1/documents/" + coa).then().statusCode(404);

        // an item link names its site: one the uploader reaches, and must be named by one who works at several
        upload(quinn, "[\"RM-RESIN\"]", "PLANT-2").then().statusCode(403).body("code", equalTo("SITE_NOT_ALLOWED"));
        upload(Api.adminToken(), "[\"RM-RESIN\"]", null)
                .then()
                .statusCode(400)
                .body("code", equalTo("MISSING_FIELD"))
                .body("field", equalTo("site"));
        String forPlant1 = upload(Api.adminToken(), "[\"RM-RESIN\"]", "PLANT-1")
                .then()
                .statusCode(200)
                .extract()
                .path("documentId");
        Api.as(quinn).get("/api/v1/documents/" + forPlant1).then().statusCode(200);
        Api.as(pia).get("/api/v1/documents/" + forPlant1).then().statusCode(404);
    }

    private static Response upload(String token, String items, String site) {
        var spec = Api.as(token)
                .contentType("multipart/form-data")
                .multiPart("kind", "SDS")
                .multiPart("items", items)
                .multiPart("file", "sds.txt", "Safety data sheet".getBytes(StandardCharsets.UTF_8), "text/plain");
        if (site != null) {
            spec = spec.multiPart("site", site);
        }
        return spec.post("/api/v1/documents");
    }
}
