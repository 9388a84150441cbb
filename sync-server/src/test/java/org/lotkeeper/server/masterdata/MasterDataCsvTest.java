package org.lotkeeper.server.masterdata;

import javax.sql.DataSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.Database;
import org.lotkeeper.server.testing.PostgresResource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** {@code PUT /api/v1/masterdata/csv/{kind}}: the same rules as the JSON bundle, problems by line. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class MasterDataCsvTest {

    @Inject
    DataSource ds;

    @Inject
    MasterDataLookup lookup;

    @BeforeEach
    void riverside() {
        Api.loadRiversideMasterData();
    }

    /** Other tests count the site's master data: what these tests add goes again. */
    @AfterEach
    void removeWhatTheseTestsAdded() {
        Database.execute(ds, "DELETE FROM item_pack_unit WHERE item_code LIKE 'CSV-%'");
        Database.execute(ds, "DELETE FROM item_supplier WHERE item_code LIKE 'CSV-%' OR partner_code LIKE 'CSV-%'");
        Database.execute(ds, "DELETE FROM item WHERE code LIKE 'CSV-%'");
        Database.execute(ds, "DELETE FROM location WHERE code LIKE 'CSV-%'");
        Database.execute(ds, "DELETE FROM partner WHERE code LIKE 'CSV-%'");
    }

    private static ValidatableResponse put(String kind, String csv) {
        return given().header("Authorization", "Bearer " + Api.adminToken())
                .contentType("text/csv")
                .body(csv)
                .put("/api/v1/masterdata/csv/" + kind)
                .then();
    }

    @Test
    void theRiversideItemsAndUsersLoadAsCsv() {
        put("items", """
                code,name,gtin,baseUom,qcRequired,coaRequired,shelfLifeDays,minRemainingShelfLifeDays,lotNumbering,packUnits
                RM-RESIN,Acrylic resin,10614141000019,KGM,true,true,365,,MANUAL,
                RM-PIGMENT,Titanium dioxide pigment,10614141000026,KGM,true,true,730,,MANUAL,
                RM-SOLVENT,Xylene,10614141000033,LTR,false,false,540,,MANUAL,
                FG-PRIMER,"Grey primer, 20 L pail",10614141000101,H87,true,false,365,90,MANUAL,
                CSV-PAINT,"Paint ""Harbor"" blue",,KGM,false,false,,,,PAIL=20;DRUM=200
                """)
                .statusCode(200)
                .body("counts.items.created", equalTo(1))
                .body("counts.items.updated", equalTo(4));
        assertThat(Database.rows(ds, "SELECT name FROM item WHERE code = 'FG-PRIMER'")
                        .get(0)
                        .get("name"))
                .isEqualTo("Grey primer, 20 L pail");
        assertThat(Database.rows(ds, "SELECT name FROM item WHERE code = 'CSV-PAINT'")
                        .get(0)
                        .get("name"))
                .isEqualTo("Paint \"Harbor\" blue");
        assertThat(Database.rows(
                        ds, "SELECT code, factor FROM item_pack_unit WHERE item_code = 'CSV-PAINT' ORDER BY code"))
                .extracting(r -> r.get("code") + "=" + r.get("factor"))
                .containsExactly("DRUM=200", "PAIL=20");

        put("users", """
                userId,name,roles,sites,badge,pin,password
                ana,Ana Receiver,RECEIVER;OPERATOR,PLANT-1,B-1001,471147,
                ben,Ben Picker,OPERATOR,PLANT-1,B-1002,583920,
                quinn,Quinn Quality,QA,PLANT-1,,,quinn-Passw0rd!
                sam,Sam Supervisor,SUPERVISOR,PLANT-1,,,sam-Passw0rd!
                """).statusCode(200).body("counts.users.updated", equalTo(4));
        assertThat(Database.rows(ds, "SELECT role FROM user_role WHERE user_id = 'ana' ORDER BY role"))
                .extracting(r -> r.get("role"))
                .containsExactly("OPERATOR", "RECEIVER");
        assertThat(Api.token("sam", "sam-Passw0rd!")).isNotBlank();
    }

    @Test
    void aBadRowIsReportedWithItsLineAndNothingIsStored() {
        put("items", """
                code,name,baseUom,qcRequired,coaRequired
                CSV-GOOD-1,Good one,KGM,true,false
                CSV-GOOD-2,"A name
                over two lines",KGM,true,false
                CSV-BAD,Bad flag,KGM,yes,false
                CSV-BAD-2,Bad flag,KGM,true,maybe
                """)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("INVALID_FIELD"))
                .body("errors", hasSize(2))
                .body("errors[0].line", equalTo(5))
                .body("errors[0].field", equalTo("qcRequired"))
                .body("errors[0].detail", containsString("line 5:"))
                .body("errors[1].line", equalTo(6))
                .body("errors[1].field", equalTo("coaRequired"));
        assertThat(Database.count(ds, "SELECT count(*) FROM item WHERE code LIKE 'CSV-GOOD-%'"))
                .isZero();
    }

    @Test
    void approvedSuppliersAreAListOfSupplierPartnersStoredOrInTheSameUpload() {
        put("items", """
                code,name,baseUom,qcRequired,coaRequired,suppliers
                CSV-GLUE,Glue,KGM,false,false,ACME-RESINS;SOLVCO
                CSV-TAPE,Tape,H87,false,false,BUILDMART
                CSV-FOAM,Foam,H87,false,false,NOBODY;ACME-RESINS;ACME-RESINS
                """)
                .statusCode(400)
                .body("errors", hasSize(3))
                .body("errors.line", containsInAnyOrder(3, 4, 4))
                .body("errors.field", everyItem(startsWith("suppliers")))
                .body("errors.code", hasItem("UNKNOWN_PARTNER"))
                .body("errors.detail", hasItem(containsString("partner BUILDMART is a customer, not a supplier")))
                .body("errors.detail", hasItem(containsString("ACME-RESINS is named twice")))
                .body("errors.detail", hasItem(containsString("no partner NOBODY")));
        assertThat(Database.count(ds, "SELECT count(*) FROM item WHERE code LIKE 'CSV-%'"))
                .isZero();

        put("items", """
                code,name,baseUom,qcRequired,coaRequired,suppliers
                CSV-GLUE,Glue,KGM,false,false,SOLVCO; ACME-RESINS
                """).statusCode(200);
        assertThat(Database.rows(ds, "SELECT partner_code FROM item_supplier WHERE item_code = 'CSV-GLUE' ORDER BY 1"))
                .extracting(r -> r.get("partner_code"))
                .containsExactly("ACME-RESINS", "SOLVCO");
    }

    @Test
    void ruleViolationsFromTheBundleNameTheLineAndColumn() {
        put("locations", """
                code,site,type
                CSV-LOC-1,PLANT-1,STORAGE
                CSV-LOC-2,PLANT-NONE,STORAGE
                CSV-LOC-3,PLANT-1,BASEMENT
                """)
                .statusCode(400)
                .body("code", equalTo("UNKNOWN_SITE"))
                .body("field", equalTo("site"))
                .body("errors[0].line", equalTo(3))
                .body("errors[1].line", equalTo(4))
                .body("errors[1].field", equalTo("type"))
                .body("detail", not(containsString("locations[")));
        assertThat(Database.count(ds, "SELECT count(*) FROM location WHERE code LIKE 'CSV-LOC-%'"))
                .isZero();
    }

    @Test
    void formulaLookingCellsAreStoredAsTextAndCodesMustBeCodes() {
        put("partners", """
                code,name,kind
                CSV-P-1,"=HYPERLINK(""http://evil.example"",""x"")",CUSTOMER
                CSV-P-2,@SUM(1+1),SUPPLIER
                """).statusCode(200).body("counts.partners.created", equalTo(2));
        assertThat(Database.rows(ds, "SELECT name FROM partner WHERE code = 'CSV-P-1'")
                        .get(0)
                        .get("name"))
                .isEqualTo("=HYPERLINK(\"http://evil.example\",\"x\")");
        put("partners", """
                code,name,kind
                =1+1,Formula code,CUSTOMER
                """)
                .statusCode(400)
                .body("code", equalTo("INVALID_FIELD"))
                .body("field", equalTo("code"))
                .body("errors[0].line", equalTo(2));
    }

    @Test
    void partnersAndSitesCarryTheirLocationDescription() {
        put("partners", """
                code,name,kind,phone,street,city,region,postalCode,country
                CSV-P-ADDR,Harbor Coatings,CUSTOMER,+1 (312) 555-0142,"1200 Dock Road, Unit 4",Chicago,IL,60601,us
                CSV-P-BARE,No Address Inc,SUPPLIER,,,,,,
                """).statusCode(200).body("counts.partners.created", equalTo(2));
        assertThat(Database.rows(
                                ds,
                                "SELECT phone, street, city, region, postal_code, country FROM partner WHERE code = 'CSV-P-ADDR'")
                        .get(0))
                .containsEntry("phone", "+1 (312) 555-0142")
                .containsEntry("street", "1200 Dock Road, Unit 4")
                .containsEntry("city", "Chicago")
                .containsEntry("region", "IL")
                .containsEntry("postal_code", "60601")
                .containsEntry("country", "US");
        assertThat(Database.rows(ds, "SELECT country, street FROM partner WHERE code = 'CSV-P-BARE'")
                        .get(0))
                .containsEntry("country", null)
                .containsEntry("street", null);

        // each bad part named by line and column, nothing stored
        put("partners", """
                code,name,kind,phone,postalCode,country
                CSV-P-BAD1,Bad Phone,CUSTOMER,call me,60601,US
                CSV-P-BAD2,Bad Country,CUSTOMER,,60601,USA
                CSV-P-BAD3,Bad Postal,CUSTOMER,,<script>,DE
                CSV-P-BAD4,Not A Country,CUSTOMER,,,XX
                """)
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("phone", "country", "postalCode", "country"))
                .body("errors.line", containsInAnyOrder(2, 3, 4, 5));
        assertThat(Database.count(ds, "SELECT count(*) FROM partner WHERE code LIKE 'CSV-P-BAD%'"))
                .isZero();

        // a site the same way, through the JSON bundle; shown on the console's master data page
        given().header("Authorization", "Bearer " + Api.adminToken())
                .contentType("application/json")
                .body("""
                        {"sites": [{"code": "PLANT-1", "name": "Riverside Plant", "gln": "0614141000005",
                          "phone": "+49 30 1234567", "street": "Am Hafen 3", "city": "Berlin", "postalCode": "10115",
                          "country": "DE"}]}""")
                .put("/api/v1/masterdata")
                .then()
                .statusCode(200);
        try {
            assertThat(Database.rows(ds, "SELECT street, city, postal_code, country FROM site WHERE code = 'PLANT-1'")
                            .get(0))
                    .containsEntry("street", "Am Hafen 3")
                    .containsEntry("country", "DE");
            assertThat(lookup.site("PLANT-1").orElseThrow().description().address())
                    .isEqualTo("Am Hafen 3, Berlin, 10115, DE");
        } finally {
            Api.loadRiversideMasterData();
        }
        assertThat(Database.rows(ds, "SELECT street FROM site WHERE code = 'PLANT-1'")
                        .get(0))
                .as("the bundle is the whole site: one without an address clears it")
                .containsEntry("street", null);
    }

    @Test
    void aBrokenFileIsA400NeverA500() {
        put("items", "name,colour\nx,y\n").statusCode(400).body("code", equalTo("UNKNOWN_COLUMN"));
        put("items", "code,name\n\"CSV-X,unterminated\n").statusCode(400).body("code", equalTo("MALFORMED_CSV"));
        put("items", "code,code\nA,B\n").statusCode(400).body("code", equalTo("MALFORMED_CSV"));
        put("items", "code,name\nA,B,C\n").statusCode(400).body("errors[0].line", equalTo(2));
        put("items", "").statusCode(400).body("code", equalTo("MISSING_FIELD"));
        put("widgets", "code\nA\n").statusCode(404);
        given().header("Authorization", "Bearer " + Api.token("sam", "sam-Passw0rd!"))
                .contentType("text/csv")
                .body("code\n")
                .put("/api/v1/masterdata/csv/items")
                .then()
                .statusCode(403);
    }
}
