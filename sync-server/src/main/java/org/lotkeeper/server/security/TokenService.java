package org.lotkeeper.server.security;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.lang.JoseException;
import org.lotkeeper.model.auth.Role;

/**
 * Signed user tokens (JWT, RS256). The key pair lives in the database, so every server instance
 * on it signs and verifies alike with no shared files; the newest active key signs, retired keys
 * still verify. Rotation: {@link #rotate()} (docs/SECURITY.md).
 */
@ApplicationScoped
public class TokenService {

    static final String ISSUER = "lotkeeper";

    /** A verified user token. */
    /**
     * What a valid token says.
     *
     * @param tokenId the token's own id ({@code jti}): what signing out revokes
     * @param version the user's token version when it was issued ({@code ver})
     */
    public record UserClaims(
            String userId, Set<Role> roles, Set<String> sites, Instant expiresAt, String tokenId, int version) {}

    /** A token as issued. */
    public record IssuedToken(String token, Instant expiresAt) {}

    private record Key(String kid, PrivateKey privateKey, PublicKey publicKey, Instant created, Instant retiredAt) {
        boolean retired() {
            return retiredAt != null;
        }
    }

    @Inject
    Clock clock;

    @Inject
    SecurityConfig config;

    @Inject
    KeyEncryption encryption;

    private final Map<String, Key> keys = new ConcurrentHashMap<>();
    private volatile Key signing;

    public IssuedToken issue(String userId, Set<Role> roles, Set<String> sites, int version) {
        Key key = signingKey();
        Instant now = clock.instant();
        Instant expires = now.plus(config.tokenLifetime());
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(userId);
        claims.setIssuedAt(NumericDate.fromMilliseconds(now.toEpochMilli()));
        claims.setExpirationTime(NumericDate.fromSeconds(expires.getEpochSecond()));
        claims.setGeneratedJwtId();
        claims.setStringListClaim(
                "groups", roles.stream().map(Role::name).sorted().toList());
        claims.setStringListClaim("sites", sites.stream().sorted().toList());
        claims.setClaim("ver", version);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.privateKey());
        jws.setKeyIdHeaderValue(key.kid());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return new IssuedToken(jws.getCompactSerialization(), Instant.ofEpochSecond(expires.getEpochSecond()));
        } catch (JoseException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
    }

    /** The claims of a valid, unexpired token of ours; empty for anything else. */
    public Optional<UserClaims> verify(String token) {
        try {
            JwtConsumer first = new JwtConsumerBuilder()
                    .setSkipAllValidators()
                    .setDisableRequireSignature()
                    .setSkipSignatureVerification()
                    .build();
            String kid = first.process(token).getJoseObjects().get(0).getKeyIdHeaderValue();
            Key key = kid == null ? null : keyById(kid);
            if (key == null) {
                return Optional.empty();
            }
            JwtClaims claims = new JwtConsumerBuilder()
                    .setRequireExpirationTime()
                    .setRequireSubject()
                    .setExpectedIssuer(ISSUER)
                    .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                    .setAllowedClockSkewInSeconds(30)
                    .setVerificationKey(key.publicKey())
                    .setJwsAlgorithmConstraints(
                            org.jose4j.jwa.AlgorithmConstraints.ConstraintType.PERMIT,
                            AlgorithmIdentifiers.RSA_USING_SHA256)
                    .build()
                    .processToClaims(token);
            if (key.retired()
                    && claims.getExpirationTime().getValue()
                            > key.retiredAt().plus(config.tokenLifetime()).getEpochSecond()) {
                // A retired key verifies only the tokens it could have issued before retirement,
                // so a leaked key stops minting tokens once rotated (docs/SECURITY.md).
                return Optional.empty();
            }
            Set<Role> roles = claims.getStringListClaimValue("groups").stream()
                    .map(TokenService::role)
                    .filter(r -> r != null)
                    .collect(Collectors.toSet());
            return Optional.of(new UserClaims(
                    claims.getSubject(),
                    roles,
                    Set.copyOf(claims.getStringListClaimValue("sites")),
                    Instant.ofEpochSecond(claims.getExpirationTime().getValue()),
                    claims.getJwtId(),
                    claims.getClaimValue("ver", Long.class) == null
                            ? -1
                            : claims.getClaimValue("ver", Long.class).intValue()));
        } catch (InvalidJwtException | MalformedClaimException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Signs a token out: refused from now on (on every instance: the list is in the database),
     * until it would have expired anyway. Answers false for a token that does not verify.
     */
    @jakarta.transaction.Transactional
    public boolean revoke(String token) {
        Optional<UserClaims> claims = verify(token);
        if (claims.isEmpty() || claims.get().tokenId() == null) {
            return false;
        }
        RevokedTokenEntity.delete("expiresAt < ?1", clock.instant());
        if (RevokedTokenEntity.findById(claims.get().tokenId()) == null) {
            RevokedTokenEntity r = new RevokedTokenEntity();
            r.jti = claims.get().tokenId();
            r.userId = claims.get().userId();
            r.expiresAt = claims.get().expiresAt();
            r.persist();
        }
        return true;
    }

    private static Role role(String name) {
        try {
            return Role.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Makes a new signing key; the old ones verify until their tokens expire. */
    public void rotate() {
        QuarkusTransaction.requiringNew().run(() -> {
            SigningKeyEntity.update("retiredAt = ?1 where retiredAt is null", clock.instant());
            createKey();
        });
        reload();
    }

    private Key signingKey() {
        Key key = signing;
        if (key == null) {
            synchronized (this) {
                if (signing == null) {
                    QuarkusTransaction.requiringNew().run(() -> {
                        if (SigningKeyEntity.count("retiredAt is null") == 0) {
                            createKey();
                        }
                    });
                    reload();
                }
                key = signing;
            }
        }
        return key;
    }

    private Key keyById(String kid) {
        Key key = keys.get(kid);
        if (key == null) {
            reload(); // another instance may have rotated
            key = keys.get(kid);
        }
        return key;
    }

    private void reload() {
        List<SigningKeyEntity> rows =
                QuarkusTransaction.requiringNew().call(() -> SigningKeyEntity.<SigningKeyEntity>listAll());
        Key newest = null;
        for (SigningKeyEntity row : rows) {
            if (!KeyEncryption.isSealed(row.privateKey)) {
                seal(row);
            }
            Key k = decode(row);
            keys.put(k.kid(), k);
            if (!k.retired() && (newest == null || k.created().isAfter(newest.created()))) {
                newest = k;
            }
        }
        if (newest != null) {
            signing = newest;
        }
    }

    private void createKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            SigningKeyEntity row = new SigningKeyEntity();
            row.kid = "k-" + Secrets.random(9);
            row.algorithm = "RS256";
            row.privateKey = encryption.seal(pair.getPrivate().getEncoded(), row.kid);
            row.publicKey = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
            row.createdAt = clock.instant();
            row.persist();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is part of every Java runtime", e);
        }
    }

    /** A key stored before keys were encrypted: sealed in place, in its own transaction. */
    private void seal(SigningKeyEntity row) {
        row.privateKey = encryption.seal(Base64.getDecoder().decode(row.privateKey), row.kid);
        QuarkusTransaction.requiringNew()
                .run(() -> SigningKeyEntity.update(
                        "privateKey = ?1 where kid = ?2 and privateKey not like 'kek1:%'", row.privateKey, row.kid));
    }

    private Key decode(SigningKeyEntity row) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new Key(
                    row.kid,
                    rsa.generatePrivate(new PKCS8EncodedKeySpec(encryption.open(row.privateKey, row.kid))),
                    rsa.generatePublic(
                            new X509EncodedKeySpec(Base64.getDecoder().decode(row.publicKey))),
                    row.createdAt,
                    row.retiredAt);
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("signing key " + row.kid + " cannot be read", e);
        }
    }
}
