package org.lotkeeper.server.quality;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.quality.SpecTest;
import org.lotkeeper.model.quality.Specification;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.db.Jdbc;
import org.lotkeeper.server.ledger.SpecificationVersions;
import org.lotkeeper.server.masterdata.MasterDataLookup;
import org.lotkeeper.server.masterdata.PlantTime;
import org.lotkeeper.server.security.Actor;
import org.lotkeeper.server.security.AuditTrail;
import org.lotkeeper.server.security.UserService;

/**
 * Items' specifications (docs/QUALITY-CONTROL.md): QA approves each version with an electronic
 * signature; versions are only added, never changed, and the one in force on a day is the highest
 * version effective on or before it. Sending an approved version again with the same content is
 * answered with it (a retry); with other content it is refused.
 */
@ApplicationScoped
public class SpecificationService implements SpecificationVersions {

    /** One approved version. */
    public record Approved(
            Specification specification, String approvedBy, String approvedName, String meaning, Instant approvedAt) {}

    private static final TypeReference<List<SpecificationBodies.TestBody>> TESTS = new TypeReference<>() {};

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    MasterDataLookup masterData;

    @Inject
    UserService users;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Transactional
    public Approved approve(Actor actor, String item, SpecificationBodies.SpecificationBody body) {
        return approve(actor, item, body, null);
    }

    /**
     * As {@link #approve(Actor, String, SpecificationBodies.SpecificationBody)}; with {@code signed}
     * the signature was verified already (one password for a file of versions), and the body's is not read.
     */
    @Transactional
    public Approved approve(Actor actor, String item, SpecificationBodies.SpecificationBody body, Signed signed) {
        ItemCode code = ItemCode.of(masterData
                .item(item)
                .orElseThrow(() -> Refused.notFound("no item " + item))
                .code());
        Specification spec = SpecificationBodies.specification(code, body);
        String tests = write(spec.tests());
        Optional<Approved> same = version(item, spec.version());
        if (same.isPresent()) {
            if (same.get().specification().equals(spec)) {
                return same.get(); // the same approval sent again
            }
            throw Refused.of(
                    ErrorCode.DUPLICATE,
                    "version " + spec.version() + " of the specification of " + item
                            + " is approved already with other content; a change is a new version, "
                            + (latest(item)
                                            .map(a -> a.specification().version())
                                            .orElse(0)
                                    + 1),
                    "version");
        }
        Optional<Approved> latest = latest(item);
        int next = latest.map(a -> a.specification().version()).orElse(0) + 1;
        if (spec.version() != next) {
            throw Refused.invalid(
                    ErrorCode.INVALID_FIELD,
                    "the next version of the specification of " + item + " is " + next,
                    "version");
        }
        if (latest.isPresent()
                && spec.effectiveFrom().isBefore(latest.get().specification().effectiveFrom())) {
            throw Refused.invalid(
                    ErrorCode.INVALID_FIELD,
                    "version " + next + " cannot take effect before version " + (next - 1) + " did ("
                            + latest.get().specification().effectiveFrom() + ")",
                    "effectiveFrom");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), PlantTime.zone());
        if (latest.isPresent() && spec.effectiveFrom().isBefore(today)) {
            // lots were released, and results judged, against the version in force then: a new version
            // that reached back would make them fail a specification they were never held to
            throw Refused.invalid(
                    ErrorCode.INVALID_FIELD,
                    "version " + next + " cannot take effect before today (" + today + "): what was released and "
                            + "judged until now was judged against version " + (next - 1)
                            + "; let it take effect from today or later",
                    "effectiveFrom");
        }
        Signed by = signed != null ? signed : sign(actor, body.signature());
        String signer = by.name();
        String meaning = by.meaning();
        Instant now = clock.instant();
        Jdbc.withConnection(
                dataSource,
                "specification",
                c -> Jdbc.update(
                        c,
                        "INSERT INTO specification (item, version, effective_from, tests, approved_by, approved_name, meaning, "
                                + "approved_at) VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?)",
                        item,
                        spec.version(),
                        spec.effectiveFrom(),
                        tests,
                        actor.id(),
                        signer,
                        meaning,
                        now));
        audit.record(
                actor.id(),
                "SPECIFICATION_APPROVED",
                item + " v" + spec.version(),
                null,
                spec.tests().size() + " tests, effective from " + spec.effectiveFrom());
        return new Approved(spec, actor.id(), signer, meaning, now);
    }

    /** A verified electronic signature: the signer's name and what the signature means. */
    public record Signed(String name, String meaning) {}

    /** Verifies a signature given for approving specifications; refuses naming {@code signature.…}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Signed sign(Actor actor, SpecificationBodies.Signature signature) {
        if (signature == null
                || signature.password() == null
                || signature.password().isEmpty()) {
            throw Refused.invalid(
                    ErrorCode.SIGNATURE_REQUIRED,
                    "approving a specification needs your electronic signature: re-enter your password",
                    "signature.password");
        }
        if (signature.password().length() > 200) {
            throw Refused.invalid(ErrorCode.TOO_LONG, "signature.password is too long", "signature.password");
        }
        String meaning = signature.meaning() == null || signature.meaning().isBlank()
                ? "Approved"
                : signature.meaning().strip();
        if (meaning.length() > 200 || meaning.chars().anyMatch(Character::isISOControl)) {
            throw Refused.invalid(
                    ErrorCode.INVALID_FIELD, "signature.meaning is at most 200 plain characters", "signature.meaning");
        }
        return new Signed(users.verifySignature(actor.id(), signature.password()), meaning);
    }

    /** The version in force on {@code day}: the highest effective on or before it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Approved> inForce(String item, LocalDate day) {
        return one(
                "SELECT * FROM specification WHERE item = ? AND effective_from <= ? ORDER BY version DESC LIMIT 1",
                item,
                day);
    }

    /** The version in force today (in the plant-wide zone). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Approved> inForceToday(String item) {
        return inForce(item, LocalDate.ofInstant(clock.instant(), PlantTime.zone()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Approved> version(String item, int version) {
        return one("SELECT * FROM specification WHERE item = ? AND version = ?", item, version);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Specification> specification(ItemCode item, int version) {
        return version(item.value(), version).map(Approved::specification);
    }

    /** The version in force on {@code day} of every item that has one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Specification> allInForce(LocalDate day) {
        return Jdbc.withConnection(
                dataSource,
                "specifications in force",
                c -> Jdbc.query(
                        c,
                        "SELECT DISTINCT ON (item) * FROM specification WHERE effective_from <= ? "
                                + "ORDER BY item, version DESC",
                        rs -> approved(rs).specification(),
                        day));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Integer> versions(String item) {
        return Jdbc.withConnection(
                dataSource,
                "specification versions",
                c -> Jdbc.query(
                        c,
                        "SELECT version FROM specification WHERE item = ? ORDER BY version",
                        rs -> rs.getInt(1),
                        item));
    }

    /** The newest version of every item that has a specification, by item code. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Approved> newestOfEachItem() {
        return Jdbc.withConnection(
                dataSource,
                "specifications",
                c -> Jdbc.query(
                        c,
                        "SELECT DISTINCT ON (item) * FROM specification ORDER BY item, version DESC",
                        this::approved));
    }

    private Optional<Approved> latest(String item) {
        return one("SELECT * FROM specification WHERE item = ? ORDER BY version DESC LIMIT 1", item);
    }

    private Optional<Approved> one(String sql, Object... params) {
        return Optional.ofNullable(
                Jdbc.withConnection(dataSource, "specification", c -> Jdbc.one(c, sql, this::approved, params)));
    }

    private Approved approved(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Approved(
                new Specification(
                        ItemCode.of(rs.getString("item")),
                        rs.getInt("version"),
                        Jdbc.date(rs, "effective_from"),
                        read(rs.getString("tests"))),
                rs.getString("approved_by"),
                rs.getString("approved_name"),
                rs.getString("meaning"),
                Jdbc.instant(rs, "approved_at"));
    }

    private String write(List<SpecTest> tests) {
        try {
            return json.writeValueAsString(
                    tests.stream().map(SpecificationBodies.TestBody::of).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<SpecTest> read(String tests) {
        try {
            return json.readValue(tests, TESTS).stream()
                    .map(SpecificationBodies::stored)
                    .toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored specification does not read back", e);
        }
    }
}
