package org.lotkeeper.server.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.lotkeeper.model.auth.PinVerifier;
import org.lotkeeper.model.auth.Role;
import org.lotkeeper.model.event.EventType;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.model.wire.PinCheck;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.db.Jdbc;

/** Users: creation and update from master data, password sign-in with lockout, and e-signatures. */
@ApplicationScoped
public class UserService {

    /** A user as master data describes one. Null password or PIN = keep the current one. */
    public record UserSpec(
            String userId,
            String name,
            Set<Role> roles,
            Set<String> sites,
            String badge,
            String pin,
            String password) {}

    /** What other packages may know of a user. */
    public record UserView(
            String userId, String name, String badge, Set<Role> roles, Set<String> sites, boolean enabled) {}

    /** A user of a site, with the PIN verifier for one device. */
    public record DeviceUser(String userId, String name, String badge, Set<Role> roles, String pinVerifier) {}

    /** The columns {@code roles} and {@code sites} (text arrays) of the user {@code u} of a query. */
    static final String ROLES_AND_SITES = "ARRAY(SELECT r.role FROM user_role r WHERE r.user_id = u.user_id) AS roles, "
            + "ARRAY(SELECT s.site FROM user_site s WHERE s.user_id = u.user_id) AS sites";

    @Inject
    Clock clock;

    @Inject
    DataSource dataSource;

    @Inject
    SecurityConfig config;

    @Inject
    TokenService tokens;

    @Inject
    AuditTrail audit;

    @Inject
    RateLimiter limiter;

    /** Creates or updates a user; answers true when created. Runs in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean upsert(UserSpec spec) {
        UserEntity user = UserEntity.findById(spec.userId());
        boolean created = user == null;
        if (created) {
            user = new UserEntity();
            user.userId = spec.userId();
        }
        user.name = spec.name();
        user.badge = spec.badge();
        user.roles.clear();
        for (Role r : spec.roles()) {
            user.roles.add(r.name());
        }
        user.sites.clear();
        user.sites.addAll(spec.sites());
        if (spec.password() != null) {
            if (!created && user.passwordHash != null && !BcryptUtil.matches(spec.password(), user.passwordHash)) {
                // a new password ends every session signed in with the old one
                user.tokenVersion++;
            }
            user.passwordHash = BcryptUtil.bcryptHash(spec.password(), config.bcryptCost());
        }
        if (spec.pin() != null) {
            user.pinHash =
                    PinVerifier.hashPin(spec.pin(), new PinVerifier.Cost(config.pinMemoryKib(), config.pinPasses()));
        }
        user.updatedAt = clock.instant();
        if (created) {
            user.persist();
        }
        return created;
    }

    /**
     * Signs a user in with their password, from {@code client} (the caller's address). The same
     * work is done whether or not the user exists (a bcrypt check against a stand-in hash), and
     * failures are counted per user name and client address: five in a row lock that address out
     * of that name for a while — known or unknown name alike — but never the account for others,
     * so nobody can keep a user out by guessing wrong on purpose (docs/SECURITY.md, "Lockout").
     * An account locked by failed e-signatures (which only its own session can cause) stays locked.
     */
    public TokenService.IssuedToken login(String userId, String password, String client) {
        Instant now = clock.instant();
        String name = userId == null ? "" : userId;
        String userKey = Secrets.sha256(name);
        String failureId = Secrets.sha256(name + "\u0000" + (client == null ? "" : client));
        record Ok(String userId, Set<Role> roles, Set<String> sites, int version) {}
        Optional<Ok> ok = QuarkusTransaction.requiringNew().call(() -> {
            SignInFailureEntity failures = SignInFailureEntity.findById(failureId);
            if (failures != null && failures.lockedUntil != null && failures.lockedUntil.isAfter(now)) {
                throw Refused.of(
                        ErrorCode.ACCOUNT_LOCKED,
                        "too many failed sign-ins from this address; try again after " + failures.lockedUntil);
            }
            UserEntity user = UserEntity.findById(name);
            boolean usable = user != null && user.enabled && user.passwordHash != null;
            boolean matches =
                    BcryptUtil.matches(password, usable ? user.passwordHash : standInHash()) && !password.isEmpty();
            if (usable && matches) {
                if (user.lockedUntil != null && user.lockedUntil.isAfter(now)) {
                    audit.record(name, "LOGIN_LOCKED", name, null, "locked until " + user.lockedUntil);
                    throw Refused.of(
                            ErrorCode.ACCOUNT_LOCKED,
                            "too many failed passwords; try again after " + user.lockedUntil
                                    + " or ask a supervisor to unlock the account");
                }
                if (failures != null) {
                    failures.delete();
                }
                audit.record(name, "LOGIN", name, null, null);
                return Optional.of(
                        new Ok(user.userId, KnownRoles.of(user.roles), Set.copyOf(user.sites), user.tokenVersion));
            }
            countSignInFailure(failures, failureId, userKey, now);
            if (user != null) {
                audit.record(name, "LOGIN_FAILED", name, null, null);
            }
            return Optional.empty();
        });
        Ok user = ok.orElseThrow(() -> Refused.unauthenticated("wrong user name or password"));
        return tokens.issue(user.userId(), user.roles(), user.sites(), user.version());
    }

    /**
     * Checks a PIN keyed on {@code device} for {@code userId}, and writes the sign-in (or the failed
     * one) into the audit log. Only an enabled user of the device's site with a badge and a PIN can
     * sign in; anyone else answers WRONG after the same Argon2id work. Five wrong PINs for one
     * user on one device lock that pair for the lockout time (a supervisor's unlock lifts it).
     */
    public PinCheck.Response checkPin(Actor device, String userId, String pin) {
        Instant now = clock.instant();
        String site = device.sites().iterator().next();
        String failureId = Secrets.sha256("pin\u0000" + userId + "\u0000" + device.id());
        return QuarkusTransaction.requiringNew().call(() -> {
            SignInFailureEntity failures = SignInFailureEntity.findById(failureId);
            if (failures != null && failures.lockedUntil != null && failures.lockedUntil.isAfter(now)) {
                audit.record(userId, "PIN_SIGN_IN_LOCKED", device.id(), site, "locked until " + failures.lockedUntil);
                return new PinCheck.Response(PinCheck.Result.LOCKED, failures.lockedUntil);
            }
            UserEntity user = UserEntity.findById(userId);
            boolean usable = user != null
                    && user.enabled
                    && user.badge != null
                    && user.pinHash != null
                    && user.sites.contains(site);
            boolean matches = PinVerifier.matchesHash(pin, usable ? user.pinHash : standInPinHash());
            if (usable && matches) {
                if (failures != null) {
                    failures.delete();
                }
                audit.record(userId, "PIN_SIGN_IN", device.id(), site, null);
                return new PinCheck.Response(PinCheck.Result.OK, null);
            }
            SignInFailureEntity after = countSignInFailure(failures, failureId, Secrets.sha256(userId), now);
            audit.record(userId, "PIN_SIGN_IN_FAILED", device.id(), site, null);
            return after != null && after.lockedUntil != null && after.lockedUntil.isAfter(now)
                    ? new PinCheck.Response(PinCheck.Result.LOCKED, after.lockedUntil)
                    : new PinCheck.Response(PinCheck.Result.WRONG, null);
        });
    }

    /** A PIN hash of a PIN nobody has, at the configured cost: what a user who may not sign in is checked against. */
    private String standInPinHash() {
        String h = standInPin;
        if (h == null) {
            h = PinVerifier.hashPin(
                    GeneratedSecrets.pin(null), new PinVerifier.Cost(config.pinMemoryKib(), config.pinPasses()));
            standInPin = h;
        }
        return h;
    }

    private volatile String standInPin;

    /** Counts one failure on the row (made when missing) and answers it. */
    private SignInFailureEntity countSignInFailure(SignInFailureEntity row, String id, String userKey, Instant now) {
        SignInFailureEntity f = row;
        if (f == null) {
            // rows of addresses that gave up long ago go with the first new failure of the day
            SignInFailureEntity.delete("updatedAt < ?1", now.minus(java.time.Duration.ofDays(1)));
            f = new SignInFailureEntity();
            f.id = id;
            f.userKey = userKey;
            f.updatedAt = now;
            f.persist();
        }
        f.failures++;
        f.updatedAt = now;
        if (f.failures >= config.lockoutThreshold()) {
            f.lockedUntil = now.plus(config.lockoutDuration());
            f.failures = 0;
        }
        return f;
    }

    /** A bcrypt hash of nothing anyone knows, at the configured cost: what an unknown name is checked against. */
    private String standInHash() {
        String h = standIn;
        if (h == null) {
            h = BcryptUtil.bcryptHash(Secrets.random(24), config.bcryptCost());
            standIn = h;
        }
        return h;
    }

    private volatile String standIn;

    /**
     * A supervisor of one of the user's sites (or an admin) lifts every lock on the account: the
     * one failed e-signatures set, and every address's sign-in lock.
     */
    @Transactional
    public void unlock(Actor by, String userId) {
        UserEntity user = UserEntity.findById(userId);
        if (user == null || !(by.allSites() || user.sites.stream().anyMatch(by::canReach))) {
            throw Refused.notFound("no user " + userId);
        }
        user.lockedUntil = null;
        user.failedLogins = 0;
        long cleared = SignInFailureEntity.delete("userKey", Secrets.sha256(userId));
        audit.record(by.id(), "USER_UNLOCKED", userId, null, cleared + " address locks cleared");
    }

    /**
     * Disables or enables an account and answers the user's sites (their devices must fetch their
     * user lists again). A disabled user's tokens are refused at their next request (and stay
     * refused after the account is enabled again), they cannot sign in, nor with their PIN on a
     * handheld once it has synced, the events they capture are rejected and the enrollment codes
     * they made and nobody used expire. Nobody disables their
     * own account: another admin can, so the last admin cannot lock everyone out. Audited
     * {@code USER_DISABLED} / {@code USER_ENABLED}; asking for the state an account is in changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> setEnabled(Actor by, String userId, boolean enabled) {
        UserEntity user = UserEntity.findById(userId);
        if (user == null) {
            throw Refused.notFound("no user " + userId);
        }
        if (!enabled && user.userId.equals(by.id())) {
            throw Refused.invalid(
                    ErrorCode.INVALID_FIELD, "you cannot disable your own account; another admin can", "userId");
        }
        if (user.enabled != enabled) {
            Instant now = clock.instant();
            user.enabled = enabled;
            String detail = null;
            if (!enabled) {
                user.tokenVersion++;
                // the enrollment codes they made and nobody used yet die with their access
                long codes = EnrollmentCodeEntity.update(
                        "expiresAt = ?1 where createdBy = ?2 and usedAt is null and expiresAt > ?1", now, userId);
                detail = codes == 0 ? null : codes + " unused enrollment codes expired";
            }
            user.updatedAt = now;
            audit.record(by.id(), enabled ? "USER_ENABLED" : "USER_DISABLED", userId, null, detail);
            UserEntity.flush(); // the reads that follow in this transaction are plain SQL
        }
        return Set.copyOf(user.sites);
    }

    /**
     * An electronic signature: the signer re-enters their own password at the moment of signing.
     * Answers the signer's name. A wrong password answers 401 SIGNATURE_INVALID and counts toward
     * the same lockout as a failed sign-in (recorded in its own transaction, so the caller's
     * rollback does not undo it); a locked account cannot sign; guesses are rate-limited per signer.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String verifySignature(String userId, String password) {
        limiter.signature(userId);
        Instant now = clock.instant();
        UserEntity user = UserEntity.findById(userId);
        if (user != null && user.lockedUntil != null && user.lockedUntil.isAfter(now)) {
            throw Refused.of(
                    ErrorCode.ACCOUNT_LOCKED,
                    "too many failed passwords; try again after " + user.lockedUntil,
                    "signature.password");
        }
        if (user == null
                || user.passwordHash == null
                || password == null
                || password.isEmpty()
                || !BcryptUtil.matches(password, user.passwordHash)) {
            QuarkusTransaction.requiringNew().run(() -> {
                UserEntity u = UserEntity.findById(userId);
                if (u != null) {
                    countFailure(u, now);
                }
                audit.record(userId, "SIGNATURE_FAILED", userId, null, null);
            });
            throw Refused.of(ErrorCode.SIGNATURE_INVALID, "the signature password is wrong", "signature.password");
        }
        return user.name;
    }

    /** One more failed password for {@code user}; at the threshold the account locks for a while. */
    private void countFailure(UserEntity user, Instant now) {
        user.failedLogins++;
        if (user.failedLogins >= config.lockoutThreshold()) {
            user.lockedUntil = now.plus(config.lockoutDuration());
            user.failedLogins = 0;
        }
    }

    public Optional<UserView> find(String userId) {
        return Optional.ofNullable(find(List.of(userId)).get(userId));
    }

    /** These users by id, in one statement; ids of no user are absent. */
    public Map<String, UserView> find(Collection<String> userIds) {
        Map<String, UserView> out = new HashMap<>();
        if (!userIds.isEmpty()) {
            views("u.user_id = ANY (?::varchar[])", (Object) userIds.toArray(String[]::new))
                    .forEach(v -> out.put(v.userId(), v));
        }
        return out;
    }

    /** Users in id order after {@code after} (a page key; "" for the first page). */
    public List<UserView> page(String after, int limit) {
        return views("u.user_id > ? ORDER BY u.user_id LIMIT ?", after, limit);
    }

    private List<UserView> views(String where, Object... params) {
        return Jdbc.withConnection(
                dataSource,
                "user lookup",
                c -> Jdbc.query(
                        c,
                        "SELECT u.user_id, u.name, u.badge, u.enabled, " + ROLES_AND_SITES + " FROM app_user u WHERE "
                                + where,
                        rs -> new UserView(
                                rs.getString("user_id"),
                                rs.getString("name"),
                                rs.getString("badge"),
                                KnownRoles.of(Jdbc.strings(rs, "roles")),
                                Set.copyOf(Jdbc.strings(rs, "sites")),
                                rs.getBoolean("enabled")),
                        params));
    }

    /** The users of a site with PIN verifiers salted for one device (for its offline sign-in). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<DeviceUser> usersForDevice(String site, String deviceSalt) {
        List<UserEntity> users = UserEntity.list(
                "select distinct u from UserEntity u join u.sites s where s = ?1 and u.enabled = true order by u.userId",
                site);
        // only who may act on a handheld (ADMIN counts for nothing there), and a PIN verifier only for
        // who signs in on one — with a badge: a QA user or supervisor without one leaves no verifier to
        // attack on a lost device (docs/SECURITY.md, "PINs")
        return users.stream()
                .filter(u -> EnumSet.allOf(EventType.class).stream()
                        .anyMatch(
                                t -> t != EventType.ADJUST && t.mayBeCapturedBy(handheldRoles(KnownRoles.of(u.roles)))))
                .map(u -> new DeviceUser(
                        u.userId,
                        u.name,
                        u.badge,
                        KnownRoles.of(u.roles),
                        u.pinHash == null || u.badge == null
                                ? null
                                : PinVerifier.deviceVerifier(u.pinHash, deviceSalt)))
                .toList();
    }

    /** The roles a user acts with on a handheld: their own, without ADMIN's rights everywhere. */
    public static Set<Role> handheldRoles(java.util.Collection<Role> roles) {
        Set<Role> out = EnumSet.noneOf(Role.class);
        out.addAll(roles);
        out.remove(Role.ADMIN);
        return out;
    }

    /** What the first start did about {@code admin}. */
    public record FirstAdmin(boolean created, Optional<String> generatedPassword) {}

    /**
     * Creates {@code admin} on an empty user table, with the chosen password or, when none is
     * chosen, a generated one (answered once, to be shown once). Once, however many instances start
     * at the same time.
     */
    @Transactional
    public FirstAdmin createFirstAdmin(Optional<String> chosenPassword) {
        // instances started at once on an empty database take turns: the second finds the admin
        UserEntity.getEntityManager()
                .createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended('lotkeeper.first-admin', 0))")
                .getSingleResult();
        if (UserEntity.count() > 0) {
            return new FirstAdmin(false, Optional.empty());
        }
        String password = chosenPassword.orElseGet(() -> Secrets.humanCode(16));
        UserEntity admin = new UserEntity();
        admin.userId = "admin";
        admin.name = "Administrator";
        admin.passwordHash = BcryptUtil.bcryptHash(password, config.bcryptCost());
        admin.roles.add(Role.ADMIN.name());
        admin.updatedAt = clock.instant();
        admin.persist();
        audit.record("system", "USER_CREATED", "admin", null, "first start");
        return new FirstAdmin(true, chosenPassword.isPresent() ? Optional.empty() : Optional.of(password));
    }
}
