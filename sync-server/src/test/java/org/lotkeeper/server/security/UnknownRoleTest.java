package org.lotkeeper.server.security;

import javax.sql.DataSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lotkeeper.model.auth.Role;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.Database;
import org.lotkeeper.server.testing.PostgresResource;
import org.lotkeeper.server.testing.Riverside;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A role name in {@code user_role} that this version does not know (a newer version's, before a
 * rollback; or typed by hand) grants nothing and breaks nothing: the user signs in and works with
 * the roles that are known, devices still pull, nobody gets a 500.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class UnknownRoleTest {

    @Inject
    DataSource ds;

    @Inject
    UserService users;

    @Test
    void anUnknownRoleGrantsNothingAndBreaksNothing() {
        Api.loadRiversideMasterData();
        Database.execute(ds, "INSERT INTO user_role (user_id, role) VALUES ('quinn', 'AUDITOR'), ('ben', 'X')");
        try {
            String quinn = Api.token("quinn", "quinn-Passw0rd!");
            Api.as(quinn).get("/api/v1/lots/RM-RESIN/NO-SUCH-LOT").then().statusCode(404);
            Api.as(quinn).get("/api/v1/devices").then().statusCode(403);
            assertThat(users.find("quinn").orElseThrow().roles()).containsExactly(Role.QA);

            String[] gun = Riverside.enroll(Api.token("sam", "sam-Passw0rd!"), "gun-roles");
            Api.as(gun[1])
                    .get("/api/v1/sync/pull")
                    .then()
                    .statusCode(200)
                    .body("users.find { it.userId == 'ben' }.roles", org.hamcrest.Matchers.contains("OPERATOR"));
            assertThat(users.page("", 1000))
                    .filteredOn(u -> u.userId().equals("ben"))
                    .singleElement()
                    .extracting(UserService.UserView::roles)
                    .isEqualTo(java.util.Set.of(Role.OPERATOR));
        } finally {
            Database.execute(ds, "DELETE FROM user_role WHERE role IN ('AUDITOR', 'X')");
        }
    }
}
