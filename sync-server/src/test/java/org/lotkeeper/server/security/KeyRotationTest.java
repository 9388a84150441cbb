package org.lotkeeper.server.security;

import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.Database;
import org.lotkeeper.server.testing.PostgresResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.lotkeeper.server.testing.Api.as;

/** {@code POST /api/v1/admin/keys/rotate}: old tokens live out their time, a retired key mints nothing new. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class KeyRotationTest {

    /** The scenario clock of the test profile. */
    private static final Instant NOW = Instant.parse("2026-11-21T00:00:00Z");

    @Inject
    DataSource ds;

    @Inject
    KeyEncryption encryption;

    @Test
    void afterRotationOldTokensStillWorkAndNewOnesUseTheNewKey() throws Exception {
        Api.loadRiversideMasterData();
        String before = Api.adminToken();
        String oldKid = kid(before);
        as(Api.token("sam", "sam-Passw0rd!"))
                .post("/api/v1/admin/keys/rotate")
                .then()
                .statusCode(403);

        as(before).post("/api/v1/admin/keys/rotate").then().statusCode(200).body("rotated", equalTo("true"));

        String after = Api.adminToken();
        assertThat(kid(after)).isNotEqualTo(oldKid);
        as(before).get("/api/v1/devices").then().statusCode(200);
        as(after).get("/api/v1/devices").then().statusCode(200);
        assertThat(Database.count(ds, "SELECT count(*) FROM audit_log WHERE action = 'SIGNING_KEY_ROTATED'"))
                .isPositive();

        // The database holds the private keys sealed with the key-encryption key: a backup alone mints nothing.
        String stored = (String) Database.rows(ds, "SELECT private_key FROM signing_key WHERE kid = ?", oldKid)
                .get(0)
                .get("private_key");
        assertThat(stored).startsWith(KeyEncryption.SEALED);
        assertThatThrownBy(() -> KeyFactory.getInstance("RSA")
                        .generatePrivate(
                                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(stored))))
                .isInstanceOf(Exception.class);
        assertThat(Database.count(ds, "SELECT count(*) FROM signing_key WHERE private_key NOT LIKE 'kek1:%'"))
                .isZero();
        assertThatThrownBy(() -> encryption.open(stored, "k-another"))
                .as("a sealed key moved to another row does not open")
                .isInstanceOf(IllegalStateException.class);

        // Someone who also has the key-encryption key cannot mint a token that outlives the retired key.
        String privateKey = Base64.getEncoder().encodeToString(encryption.open(stored, oldKid));
        as(mint(oldKid, privateKey, NOW.plusSeconds(7 * 3600)))
                .get("/api/v1/devices")
                .then()
                .statusCode(200);
        as(mint(oldKid, privateKey, NOW.plusSeconds(30 * 24 * 3600)))
                .get("/api/v1/devices")
                .then()
                .statusCode(401);
    }

    private static String kid(String jwt) throws Exception {
        String header = new String(
                Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))),
                java.nio.charset.StandardCharsets.UTF_8);
        return (String) new com.fasterxml.jackson.databind.ObjectMapper()
                .readValue(header, Map.class)
                .get("kid");
    }

    private static String mint(String kid, String privateKeyBase64, Instant expires) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(TokenService.ISSUER);
        claims.setSubject("admin");
        claims.setIssuedAt(NumericDate.fromSeconds(NOW.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(expires.getEpochSecond()));
        claims.setStringListClaim("groups", List.of("ADMIN"));
        claims.setStringListClaim("sites", List.of());
        // everything a real token carries, so only the key's retirement can refuse it
        claims.setGeneratedJwtId();
        claims.setClaim("ver", 0);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKeyBase64))));
        jws.setKeyIdHeaderValue(kid);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }
}
