package org.lotkeeper.server.security;

import java.util.List;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.PostgresResource;
import org.lotkeeper.server.testing.Riverside;

import static org.hamcrest.Matchers.equalTo;
import static org.lotkeeper.server.testing.Api.as;

/**
 * Number query parameters that are not numbers, or out of range, answer 400 naming the
 * parameter — not the 404 "no such resource" JAX-RS gives a parameter declared as a number.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class NumberParametersTest {

    @Test
    void aLimitThatIsNotAWholeNumberInRangeIsRefusedNamingIt() {
        Api.loadRiversideMasterData();
        String sam = Api.token("sam", "sam-Passw0rd!");
        String quinn = Api.token("quinn", "quinn-Passw0rd!");
        String device = Riverside.enroll(sam, "gun-limits")[1];
        record Call(String token, String path) {}
        for (Call call : List.of(
                new Call(sam, "/api/v1/exceptions"),
                new Call(sam, "/api/v1/variances"),
                new Call(quinn, "/api/v1/recalls"),
                new Call(device, "/api/v1/sync/pull"))) {
            for (String bad : List.of("abc", "1e3", "-1", "0", "12.5", "99999999999999999999999")) {
                as(call.token())
                        .get(call.path() + "?limit=" + bad)
                        .then()
                        .statusCode(400)
                        .contentType("application/problem+json")
                        .body("field", equalTo("limit"));
            }
            as(call.token()).get(call.path() + "?limit=2").then().statusCode(200);
        }
    }
}
