package org.lotkeeper.server.masterdata;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotkeeper.model.auth.Role;
import org.lotkeeper.model.lot.LocationType;
import org.lotkeeper.model.lot.LotNumbering;
import org.lotkeeper.model.master.PartnerKind;
import org.lotkeeper.model.quantity.Uom;
import org.lotkeeper.server.masterdata.MasterDataLookup.ItemInfo;
import org.lotkeeper.server.masterdata.MasterDataLookup.LocationInfo;
import org.lotkeeper.server.masterdata.MasterDataLookup.PartnerInfo;
import org.lotkeeper.server.security.UserService;
import org.lotkeeper.server.security.UserService.UserView;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.Database;
import org.lotkeeper.server.testing.PostgresResource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lookups every other package reads master data and users through (ingest's one round trip
 * for what a push names among them): each field of each record as stored, codes not in master
 * data absent, pages and lists in code order.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class MasterDataLookupTest {

    @Inject
    DataSource ds;

    @Inject
    MasterDataLookup lookup;

    @Inject
    UserService users;

    private static final ItemInfo PAINT = new ItemInfo(
            "LK-PAINT",
            "Paint, \"Harbor\" blue",
            "10614141009012",
            Uom.KGM,
            true,
            false,
            365,
            30,
            LotNumbering.MANUAL,
            null,
            Map.of("DRUM", new BigDecimal("200.000000000"), "PAIL", new BigDecimal("20.500000000")),
            List.of("ACME-RESINS", "SOLVCO"),
            90);

    private static final ItemInfo BARE = new ItemInfo(
            "LK-BARE",
            "Bare",
            null,
            Uom.H87,
            false,
            false,
            null,
            0,
            LotNumbering.MANUAL,
            null,
            Map.of(),
            List.of(),
            null);

    private static final PartnerInfo HARBOR = new PartnerInfo(
            "LK-HARBOR",
            "Harbor Coatings",
            PartnerKind.CUSTOMER,
            "0614141000029",
            120,
            new LocationDescription("+1 312 555 0142", "1200 Dock Road", "Chicago", "IL", "60601", "US"));

    private static final PartnerInfo PLAIN =
            new PartnerInfo("LK-PLAIN", "Plain Supplies", PartnerKind.SUPPLIER, null, 0, LocationDescription.NONE);

    @BeforeEach
    void masterData() {
        Api.loadRiversideMasterData();
        put("partners", """
                code,name,kind,gln,minRemainingShelfLifeDays,phone,street,city,region,postalCode,country
                LK-HARBOR,Harbor Coatings,CUSTOMER,0614141000029,120,+1 312 555 0142,1200 Dock Road,Chicago,IL,60601,US
                LK-PLAIN,Plain Supplies,SUPPLIER,,,,,,,,
                """);
        put("items", """
                code,name,gtin,baseUom,qcRequired,coaRequired,shelfLifeDays,minRemainingShelfLifeDays,lotNumbering,packUnits,suppliers,retestIntervalDays
                LK-PAINT,"Paint, ""Harbor"" blue",10614141009012,KGM,true,false,365,30,MANUAL,PAIL=20.5;DRUM=200,SOLVCO;ACME-RESINS,90
                LK-BARE,Bare,,H87,false,false,,,MANUAL,,,
                """);
        put("locations", """
                code,site,type,pickSequence
                LK-RACK-9,PLANT-1,STORAGE,42
                """);
    }

    @AfterEach
    void removeWhatThisTestAdded() {
        Database.execute(ds, "DELETE FROM item_pack_unit WHERE item_code LIKE 'LK-%'");
        Database.execute(ds, "DELETE FROM item_supplier WHERE item_code LIKE 'LK-%'");
        Database.execute(ds, "DELETE FROM item WHERE code LIKE 'LK-%'");
        Database.execute(ds, "DELETE FROM location WHERE code LIKE 'LK-%'");
        Database.execute(ds, "DELETE FROM partner WHERE code LIKE 'LK-%'");
    }

    private static void put(String kind, String csv) {
        given().header("Authorization", "Bearer " + Api.adminToken())
                .contentType("text/csv")
                .body(csv)
                .put("/api/v1/masterdata/csv/" + kind)
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200);
    }

    @Test
    void whatAPushNamesComesBackWholeInOneLookupAndUnknownCodesAreAbsent() {
        MasterDataLookup.Named named = lookup.named(
                Set.of("LK-PAINT", "LK-BARE", "NO-SUCH-ITEM"),
                Set.of("LK-RACK-9", "NO-SUCH-LOCATION"),
                Set.of("LK-HARBOR", "LK-PLAIN", "NO-SUCH-PARTNER"),
                Set.of("PLANT-1", "NO-SUCH-SITE"));

        assertThat(named.items()).containsOnly(Map.entry("LK-PAINT", PAINT), Map.entry("LK-BARE", BARE));
        assertThat(named.locations())
                .containsOnly(
                        Map.entry("LK-RACK-9", new LocationInfo("LK-RACK-9", "PLANT-1", LocationType.STORAGE, 42)));
        assertThat(named.partners()).containsOnly(Map.entry("LK-HARBOR", HARBOR), Map.entry("LK-PLAIN", PLAIN));
        assertThat(named.sites()).containsExactly("PLANT-1");

        MasterDataLookup.Named none = lookup.named(Set.of(), Set.of(), Set.of(), Set.of());
        assertThat(none.items()).isEmpty();
        assertThat(none.locations()).isEmpty();
        assertThat(none.partners()).isEmpty();
        assertThat(none.sites()).isEmpty();
    }

    @Test
    void singleLookupsPagesAndListsGiveTheSameRecordsInCodeOrder() {
        assertThat(lookup.item("LK-PAINT")).contains(PAINT);
        assertThat(lookup.item("NO-SUCH-ITEM")).isEmpty();
        assertThat(lookup.items(List.of("LK-BARE"))).containsOnly(Map.entry("LK-BARE", BARE));
        assertThat(lookup.partners(List.of("LK-HARBOR"))).containsOnly(Map.entry("LK-HARBOR", HARBOR));

        assertThat(lookup.itemPage("LK-", 2)).containsExactly(BARE, PAINT);
        assertThat(lookup.itemPage("LK-BARE", 1)).containsExactly(PAINT);
        assertThat(lookup.allItems()).extracting(ItemInfo::code).isSorted().contains("LK-BARE", "LK-PAINT");
        assertThat(lookup.allItems()).contains(PAINT, BARE);
        assertThat(lookup.allItems().stream().filter(i -> i.code().equals("RM-RESIN")))
                .singleElement()
                .extracting(ItemInfo::suppliers)
                .isEqualTo(List.of("ACME-RESINS"));

        assertThat(lookup.partnerPage("LK-", 2)).containsExactly(HARBOR, PLAIN);
        assertThat(lookup.allPartners())
                .extracting(PartnerInfo::code)
                .isSorted()
                .contains("LK-HARBOR");
        assertThat(lookup.locationPage("LK-", 1))
                .containsExactly(new LocationInfo("LK-RACK-9", "PLANT-1", LocationType.STORAGE, 42));
        assertThat(lookup.locationsOfSite("PLANT-1"))
                .extracting(LocationInfo::code)
                .isSorted()
                .contains("LK-RACK-9", "RCV-DOCK-1");
    }

    @Test
    void usersComeBackWithTheirRolesSitesBadgeAndWhetherEnabled() {
        assertThat(users.find(Set.of("ana", "quinn", "nobody")))
                .containsOnly(
                        Map.entry(
                                "ana",
                                new UserView(
                                        "ana",
                                        "Ana Receiver",
                                        "B-1001",
                                        Set.of(Role.RECEIVER, Role.OPERATOR),
                                        Set.of("PLANT-1"),
                                        true)),
                        Map.entry(
                                "quinn",
                                new UserView(
                                        "quinn", "Quinn Quality", null, Set.of(Role.QA), Set.of("PLANT-1"), true)));
        assertThat(users.find("nobody")).isEmpty();
        assertThat(users.find(Set.of())).isEmpty();
        assertThat(users.page("", 100)).extracting(UserView::userId).isSorted().contains("admin", "ana", "ben");
        assertThat(users.page("quinn", 100))
                .extracting(UserView::userId)
                .isSorted()
                .contains("sam")
                .doesNotContain("quinn", "ana");

        Database.execute(ds, "UPDATE app_user SET enabled = false WHERE user_id = 'ben'");
        try {
            assertThat(users.find("ben")).map(UserView::enabled).contains(false);
        } finally {
            Database.execute(ds, "UPDATE app_user SET enabled = true WHERE user_id = 'ben'");
        }
    }
}
