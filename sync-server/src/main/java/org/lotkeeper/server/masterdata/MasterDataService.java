package org.lotkeeper.server.masterdata;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.lotkeeper.model.auth.PinVerifier;
import org.lotkeeper.model.auth.Role;
import org.lotkeeper.model.id.CompanyPrefix;
import org.lotkeeper.model.id.Gln;
import org.lotkeeper.model.id.Gtin;
import org.lotkeeper.model.id.InvalidIdentifierException;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.id.SiteCode;
import org.lotkeeper.model.id.TextId;
import org.lotkeeper.model.id.UserId;
import org.lotkeeper.model.lot.LocationType;
import org.lotkeeper.model.lot.LotNumbering;
import org.lotkeeper.model.lot.LotNumberingException;
import org.lotkeeper.model.lot.LotPattern;
import org.lotkeeper.model.master.PartnerKind;
import org.lotkeeper.model.quantity.InvalidQuantityException;
import org.lotkeeper.model.quantity.PackUnit;
import org.lotkeeper.model.quantity.Uom;
import org.lotkeeper.model.untrusted.Shown;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.server.api.Fields;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.api.ValidationErrors;
import org.lotkeeper.server.db.Jdbc;
import org.lotkeeper.server.security.Actor;
import org.lotkeeper.server.security.AuditTrail;
import org.lotkeeper.server.security.UserService;

/**
 * Applies a master-data bundle: every entry is checked first, and the bundle is stored whole or
 * not at all. Optional fields take docs/PROTOCOL.md's defaults (no GTIN, minimum remaining shelf life
 * 0, lot numbering SUPPLIER_LOT); a user's password and PIN are kept when the entry omits them.
 */
@ApplicationScoped
public class MasterDataService {

    static final int MIN_PASSWORD_LENGTH = 10;
    /** Approved suppliers per item: a short list a handheld can offer as taps. */
    static final int MAX_SUPPLIERS = 20;

    @Inject
    Clock clock;

    @Inject
    UserService users;

    @Inject
    AuditTrail audit;

    /**
     * One kind of master data as CSV (docs/API.md "Master data CSV"), applied with the same rules
     * as the JSON bundle, all or nothing; problems carry the file's line number. 404 for an
     * unknown kind.
     */
    public MasterDataResult applyCsv(String kind, String csv, Actor by) {
        MasterDataCsv.Parsed parsed = MasterDataCsv.parse(MasterDataCsv.Kind.of(kind), csv);
        try {
            return apply(parsed.bundle(), by);
        } catch (Refused e) {
            throw MasterDataCsv.withLines(e, parsed.lines());
        }
    }

    @Inject
    SiteChangeCounter siteChanges;

    @Inject
    DataSource dataSource;

    @Transactional
    public MasterDataResult apply(MasterDataBundle bundle, Actor by) {
        ValidBundle valid = validate(bundle);
        Instant now = clock.instant();
        Map<String, MasterDataResult.Counts> counts = new LinkedHashMap<>();
        counts.put(
                "sites",
                upsertAll(
                        valid.sites(),
                        s -> upsert(SiteEntity.findById(s.code().value()), SiteEntity::new, e -> {
                            e.code = s.code().value();
                            e.name = s.name();
                            e.gln = text(s.gln());
                            e.timeZone = s.zone() == null ? null : s.zone().getId();
                            e.companyPrefix = text(s.companyPrefix());
                            e.description = LocationDescriptionColumns.of(s.description());
                            e.updatedAt = now;
                        })));
        counts.put(
                "items",
                upsertAll(
                        valid.items(),
                        i -> upsert(ItemEntity.findById(i.code().value()), ItemEntity::new, e -> {
                            e.code = i.code().value();
                            e.name = i.name();
                            e.gtin = text(i.gtin());
                            e.baseUom = i.baseUom();
                            e.qcRequired = i.qcRequired();
                            e.coaRequired = i.coaRequired();
                            e.shelfLifeDays = i.shelfLifeDays();
                            e.retestIntervalDays = i.retestIntervalDays();
                            e.minRemainingShelfLifeDays = i.minRemainingShelfLifeDays();
                            e.lotNumbering = i.lotNumbering();
                            e.lotPattern = i.lotPattern();
                            e.packUnits.clear();
                            i.packUnits().forEach(pu -> e.packUnits.put(pu.code(), pu.factor()));
                            e.suppliers.clear();
                            i.suppliers().forEach(p -> e.suppliers.add(p.value()));
                            e.updatedAt = now;
                        })));
        counts.put(
                "locations",
                upsertAll(
                        valid.locations(),
                        l -> upsert(LocationEntity.findById(l.code().value()), LocationEntity::new, e -> {
                            e.code = l.code().value();
                            e.site = l.site().value();
                            e.type = l.type();
                            e.pickSequence = l.pickSequence();
                            e.updatedAt = now;
                        })));
        counts.put(
                "partners",
                upsertAll(
                        valid.partners(),
                        p -> upsert(PartnerEntity.findById(p.code().value()), PartnerEntity::new, e -> {
                            e.code = p.code().value();
                            e.name = p.name();
                            e.kind = p.kind();
                            e.gln = text(p.gln());
                            e.minRemainingShelfLifeDays = p.minRemainingShelfLifeDays();
                            e.description = LocationDescriptionColumns.of(p.description());
                            e.updatedAt = now;
                        })));
        counts.put("users", upsertAll(valid.users(), users::upsert));
        if (!valid.partnerLocations().isEmpty()) {
            PartnerEntity.flush(); // a new partner first, so a location never stands without it
            counts.put("partnerLocations", upsertAll(valid.partnerLocations(), l -> upsertPlace(l, now)));
        }
        if (counts.values().stream().anyMatch(c -> c.created() + c.updated() > 0)) {
            SiteEntity.flush(); // the new sites first: every site's change number is raised in SQL
            siteChanges.changedEverywhere();
        }
        audit.record(by.id(), "MASTER_DATA_CHANGED", null, null, counts.toString());
        return new MasterDataResult(counts);
    }

    /**
     * Disables or enables a user's account (see {@link UserService#setEnabled}); the devices of the
     * user's sites fetch their user lists again at their next sync, so a disabled user's PIN stops
     * working on them.
     */
    @Transactional
    public UserService.UserView setUserEnabled(String userId, boolean enabled, Actor by) {
        users.setEnabled(by, userId, enabled).forEach(siteChanges::changed);
        return users.find(userId).orElseThrow();
    }

    private static <T> MasterDataResult.Counts upsertAll(List<T> entries, Predicate<T> upsertCreated) {
        int created = 0;
        for (T entry : entries) {
            if (upsertCreated.test(entry)) {
                created++;
            }
        }
        return new MasterDataResult.Counts(created, entries.size() - created);
    }

    /** The one shape of every upsert: fill the row found, or a new one and persist it; true when created. */
    /** A partner location stored (true when new): upserted by partner and code, never deleted. */
    private boolean upsertPlace(PartnerPlace l, Instant now) {
        LocationDescription d = l.description();
        return Jdbc.withConnection(
                        dataSource,
                        "partner location",
                        c -> Jdbc.query(
                                c,
                                "INSERT INTO partner_location (partner, code, name, gln, phone, street, city, region, postal_code, "
                                        + "country, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                        + "ON CONFLICT (partner, code) DO UPDATE SET name = EXCLUDED.name, gln = EXCLUDED.gln, "
                                        + "phone = EXCLUDED.phone, street = EXCLUDED.street, city = EXCLUDED.city, "
                                        + "region = EXCLUDED.region, postal_code = EXCLUDED.postal_code, country = EXCLUDED.country, "
                                        + "updated_at = EXCLUDED.updated_at RETURNING (xmax = 0)",
                                rs -> rs.getBoolean(1),
                                l.partner().value(),
                                l.code().value(),
                                l.name(),
                                text(l.gln()),
                                d.phone(),
                                d.street(),
                                d.city(),
                                d.region(),
                                d.postalCode(),
                                d.country(),
                                now))
                .get(0);
    }

    private static <E extends PanacheEntityBase> boolean upsert(E found, Supplier<E> fresh, Consumer<E> fill) {
        E e = found != null ? found : fresh.get();
        fill.accept(e);
        if (found == null) {
            e.persist();
        }
        return found == null;
    }

    private static String text(TextId id) {
        return id == null ? null : id.value();
    }

    // ---- the typed bundle ------------------------------------------------------------------

    /** A bundle that passed validation, in the domain's types, as it is stored. */
    record ValidBundle(
            List<Site> sites,
            List<Item> items,
            List<Location> locations,
            List<Partner> partners,
            List<UserService.UserSpec> users,
            List<PartnerPlace> partnerLocations) {}

    /** One of a partner's ship-from / ship-to locations. */
    record PartnerPlace(
            PartnerCode partner, LocationCode code, String name, Gln gln, LocationDescription description) {}

    record Site(
            SiteCode code,
            String name,
            Gln gln,
            ZoneId zone,
            CompanyPrefix companyPrefix,
            LocationDescription description) {}

    record Item(
            ItemCode code,
            String name,
            Gtin gtin,
            Uom baseUom,
            boolean qcRequired,
            boolean coaRequired,
            Integer shelfLifeDays,
            int minRemainingShelfLifeDays,
            LotNumbering lotNumbering,
            String lotPattern,
            List<PackUnit> packUnits,
            List<PartnerCode> suppliers,
            Integer retestIntervalDays) {}

    record Location(LocationCode code, SiteCode site, LocationType type, int pickSequence) {}

    record Partner(
            PartnerCode code,
            String name,
            PartnerKind kind,
            Gln gln,
            int minRemainingShelfLifeDays,
            LocationDescription description) {}

    // ---- validation -------------------------------------------------------------------------

    /** Checks every entry (all problems at once, each naming its entry and field) and answers the bundle in the domain's types. */
    ValidBundle validate(MasterDataBundle bundle) {
        // The same bound as a CSV upload: larger lists are refused before any row is looked at.
        Map<String, List<?>> lists = new LinkedHashMap<>();
        lists.put("sites", MasterDataBundle.orEmpty(bundle.sites()));
        lists.put("items", MasterDataBundle.orEmpty(bundle.items()));
        lists.put("locations", MasterDataBundle.orEmpty(bundle.locations()));
        lists.put("partners", MasterDataBundle.orEmpty(bundle.partners()));
        lists.put("users", MasterDataBundle.orEmpty(bundle.users()));
        lists.put("partnerLocations", MasterDataBundle.orEmpty(bundle.partnerLocations()));
        lists.forEach((name, list) -> {
            if (list.size() > MasterDataCsv.MAX_ROWS) {
                throw Refused.of(
                        ErrorCode.TOO_LARGE,
                        name + " has " + list.size() + " entries; at most " + MasterDataCsv.MAX_ROWS + " per upload",
                        name);
            }
        });
        ValidationErrors errors = new ValidationErrors();
        Set<String> sites = new HashSet<>();
        SiteEntity.<SiteEntity>listAll().forEach(s -> sites.add(s.code));
        Set<String> seen = new HashSet<>();
        List<Site> validSites = new ArrayList<>();
        List<MasterDataBundle.Site> bundleSites = MasterDataBundle.orEmpty(bundle.sites());
        for (int i = 0; i < bundleSites.size(); i++) {
            String at = "sites[" + i + "]";
            MasterDataBundle.Site s = bundleSites.get(i);
            if (entryMissing(errors, at, s)) {
                continue;
            }
            int before = errors.size();
            SiteCode code = code(errors, at + ".code", s.code(), SiteCode::of);
            duplicate(errors, seen, at + ".code", code);
            text(errors, at + ".name", s.name(), 200, true);
            Gln gln = optionalCode(errors, at + ".gln", s.gln(), Gln::of);
            ZoneId zone = optionalCode(errors, at + ".timeZone", s.timeZone(), PlantTime::region);
            CompanyPrefix prefix =
                    optionalCode(errors, at + ".gs1CompanyPrefix", s.gs1CompanyPrefix(), CompanyPrefix::of);
            LocationDescription where =
                    description(errors, at, s.phone(), s.street(), s.city(), s.region(), s.postalCode(), s.country());
            if (code != null) {
                sites.add(code.value());
            }
            if (errors.size() == before) {
                validSites.add(new Site(code, s.name().strip(), gln, zone, prefix, where));
            }
        }

        seen.clear();
        Map<String, String> gtins = new HashMap<>();
        ItemEntity.<ItemEntity>listAll().forEach(it -> {
            if (it.gtin != null) {
                gtins.put(it.gtin, it.code);
            }
        });
        List<Item> validItems = new ArrayList<>();
        Map<String, PartnerCode> supplierChecks = new LinkedHashMap<>(); // field -> partner it names
        List<MasterDataBundle.Item> items = MasterDataBundle.orEmpty(bundle.items());
        for (int i = 0; i < items.size(); i++) {
            String at = "items[" + i + "]";
            MasterDataBundle.Item it = items.get(i);
            if (entryMissing(errors, at, it)) {
                continue;
            }
            int before = errors.size();
            ItemCode code = code(errors, at + ".code", it.code(), ItemCode::of);
            duplicate(errors, seen, at + ".code", code);
            text(errors, at + ".name", it.name(), 200, true);
            Gtin gtin = optionalCode(errors, at + ".gtin", it.gtin(), Gtin::of);
            if (gtin != null && code != null) {
                String other = gtins.putIfAbsent(gtin.value(), code.value());
                if (other != null && !other.equals(code.value())) {
                    errors.add(at + ".gtin", ErrorCode.DUPLICATE, "GTIN " + gtin + " already belongs to item " + other);
                }
            }
            Uom base = null;
            if (it.baseUom() == null) {
                errors.add(
                        at + ".baseUom",
                        ErrorCode.MISSING_FIELD,
                        "baseUom is required (a Rec 20 code such as KGM, LTR, H87)");
            } else {
                base = Uom.keyed(it.baseUom().strip()).orElse(null);
                if (base == null) {
                    errors.add(
                            at + ".baseUom",
                            ErrorCode.INVALID_FIELD,
                            "unit " + Fields.optionalText("baseUom", safe(it.baseUom()), 300)
                                    + " is not supported; use KGM, GRM, LTR, MLT, H87 …");
                }
            }
            required(errors, at + ".qcRequired", it.qcRequired());
            required(errors, at + ".coaRequired", it.coaRequired());
            if (it.shelfLifeDays() != null && (it.shelfLifeDays() < 1 || it.shelfLifeDays() > 36_500)) {
                errors.add(at + ".shelfLifeDays", ErrorCode.INVALID_FIELD, "shelfLifeDays must be between 1 and 36500");
            }
            if (it.retestIntervalDays() != null && (it.retestIntervalDays() < 1 || it.retestIntervalDays() > 36_500)) {
                errors.add(
                        at + ".retestIntervalDays",
                        ErrorCode.INVALID_FIELD,
                        "retestIntervalDays must be between 1 and 36500");
            }
            if (it.minRemainingShelfLifeDays() != null
                    && (it.minRemainingShelfLifeDays() < 0 || it.minRemainingShelfLifeDays() > 36_500)) {
                errors.add(
                        at + ".minRemainingShelfLifeDays",
                        ErrorCode.INVALID_FIELD,
                        "minRemainingShelfLifeDays must be between 0 and 36500");
            }
            LotNumbering numbering =
                    enumValue(errors, at + ".lotNumbering", it.lotNumbering(), LotNumbering.class, false);
            if (numbering == LotNumbering.PATTERN
                    && (it.lotPattern() == null || it.lotPattern().isBlank())) {
                errors.add(at + ".lotPattern", ErrorCode.MISSING_FIELD, "lotNumbering PATTERN needs a lotPattern");
            } else if (it.lotPattern() != null && !it.lotPattern().isBlank()) {
                try {
                    LotPattern.parse(it.lotPattern());
                } catch (LotNumberingException e) {
                    errors.add(at + ".lotPattern", ErrorCode.INVALID_FIELD, e.getMessage());
                }
            }
            Set<String> packCodes = new HashSet<>();
            List<PackUnit> packUnits = new ArrayList<>();
            List<MasterDataBundle.PackUnit> packs = MasterDataBundle.orEmpty(it.packUnits());
            for (int p = 0; p < packs.size(); p++) {
                String pat = at + ".packUnits[" + p + "]";
                MasterDataBundle.PackUnit pu = packs.get(p);
                if (entryMissing(errors, pat, pu)) {
                    continue;
                }
                try {
                    packUnits.add(new PackUnit(pu.code(), pu.factor()));
                    duplicate(errors, packCodes, pat + ".code", pu.code());
                } catch (InvalidQuantityException e) {
                    errors.add(pat, ErrorCode.INVALID_FIELD, e.getMessage());
                }
            }
            Set<String> supplierCodes = new HashSet<>();
            List<PartnerCode> suppliers = new ArrayList<>();
            List<String> supplierEntries = MasterDataBundle.orEmpty(it.suppliers());
            if (supplierEntries.size() > MAX_SUPPLIERS) {
                errors.add(
                        at + ".suppliers",
                        ErrorCode.TOO_LARGE,
                        "an item has at most " + MAX_SUPPLIERS + " approved suppliers");
            } else {
                for (int p = 0; p < supplierEntries.size(); p++) {
                    String sat = at + ".suppliers[" + p + "]";
                    PartnerCode supplier = code(errors, sat, supplierEntries.get(p), PartnerCode::of);
                    if (supplier != null && !supplierCodes.add(supplier.value())) {
                        errors.add(sat, ErrorCode.DUPLICATE, supplier + " is named twice");
                    } else if (supplier != null) {
                        suppliers.add(supplier);
                        supplierChecks.put(sat, supplier);
                    }
                }
            }
            if (errors.size() == before) {
                validItems.add(new Item(
                        code,
                        it.name().strip(),
                        gtin,
                        base,
                        it.qcRequired(),
                        it.coaRequired(),
                        it.shelfLifeDays(),
                        it.minRemainingShelfLifeDays() == null ? 0 : it.minRemainingShelfLifeDays(),
                        numbering == null ? LotNumbering.SUPPLIER_LOT : numbering,
                        blankToNull(it.lotPattern()),
                        packUnits,
                        suppliers,
                        it.retestIntervalDays()));
            }
        }

        seen.clear();
        List<Location> validLocations = new ArrayList<>();
        List<MasterDataBundle.Location> locations = MasterDataBundle.orEmpty(bundle.locations());
        for (int i = 0; i < locations.size(); i++) {
            String at = "locations[" + i + "]";
            MasterDataBundle.Location l = locations.get(i);
            if (entryMissing(errors, at, l)) {
                continue;
            }
            int before = errors.size();
            LocationCode code = code(errors, at + ".code", l.code(), LocationCode::of);
            duplicate(errors, seen, at + ".code", code);
            siteRef(errors, sites, at + ".site", l.site());
            LocationType type = enumValue(errors, at + ".type", l.type(), LocationType.class, true);
            if (l.pickSequence() != null && (l.pickSequence() < 0 || l.pickSequence() > 1_000_000)) {
                errors.add(at + ".pickSequence", ErrorCode.INVALID_FIELD, "pickSequence must be between 0 and 1000000");
            }
            if (errors.size() == before) {
                validLocations.add(new Location(
                        code, SiteCode.of(l.site()), type, l.pickSequence() == null ? 0 : l.pickSequence()));
            }
        }

        seen.clear();
        List<Partner> validPartners = new ArrayList<>();
        List<MasterDataBundle.Partner> partners = MasterDataBundle.orEmpty(bundle.partners());
        for (int i = 0; i < partners.size(); i++) {
            String at = "partners[" + i + "]";
            MasterDataBundle.Partner p = partners.get(i);
            if (entryMissing(errors, at, p)) {
                continue;
            }
            int before = errors.size();
            PartnerCode code = code(errors, at + ".code", p.code(), PartnerCode::of);
            duplicate(errors, seen, at + ".code", code);
            text(errors, at + ".name", p.name(), 200, true);
            PartnerKind kind = enumValue(errors, at + ".kind", p.kind(), PartnerKind.class, true);
            Gln gln = optionalCode(errors, at + ".gln", p.gln(), Gln::of);
            if (p.minRemainingShelfLifeDays() != null
                    && (p.minRemainingShelfLifeDays() < 0 || p.minRemainingShelfLifeDays() > 36_500)) {
                errors.add(
                        at + ".minRemainingShelfLifeDays",
                        ErrorCode.INVALID_FIELD,
                        "minRemainingShelfLifeDays must be between 0 and 36500");
            }
            LocationDescription where =
                    description(errors, at, p.phone(), p.street(), p.city(), p.region(), p.postalCode(), p.country());
            if (errors.size() == before) {
                validPartners.add(new Partner(
                        code,
                        p.name().strip(),
                        kind,
                        gln,
                        p.minRemainingShelfLifeDays() == null ? 0 : p.minRemainingShelfLifeDays(),
                        where));
            }
        }

        approvedSuppliers(errors, supplierChecks, validPartners);

        seen.clear();
        Set<String> badges = new HashSet<>();
        List<UserService.UserSpec> validUsers = new ArrayList<>();
        List<MasterDataBundle.User> userEntries = MasterDataBundle.orEmpty(bundle.users());
        for (int i = 0; i < userEntries.size(); i++) {
            String at = "users[" + i + "]";
            MasterDataBundle.User u = userEntries.get(i);
            if (entryMissing(errors, at, u)) {
                continue;
            }
            int before = errors.size();
            UserId id = code(errors, at + ".userId", u.userId(), UserId::of);
            duplicate(errors, seen, at + ".userId", id);
            text(errors, at + ".name", u.name(), 200, true);
            Set<Role> roles = EnumSet.noneOf(Role.class);
            if (u.roles() == null || u.roles().isEmpty()) {
                errors.add(at + ".roles", ErrorCode.MISSING_FIELD, "a user needs at least one role");
            } else {
                for (int r = 0; r < u.roles().size(); r++) {
                    Role role = enumValue(
                            errors, at + ".roles[" + r + "]", u.roles().get(r), Role.class, true);
                    if (role != null) {
                        roles.add(role);
                    }
                }
            }
            List<String> userSites = MasterDataBundle.orEmpty(u.sites());
            if (userSites.isEmpty() && !roles.contains(Role.ADMIN)) {
                errors.add(at + ".sites", ErrorCode.MISSING_FIELD, "a user needs at least one site");
            }
            for (int s = 0; s < userSites.size(); s++) {
                siteRef(errors, sites, at + ".sites[" + s + "]", userSites.get(s));
            }
            if (u.badge() != null && !u.badge().isBlank()) {
                duplicate(errors, badges, at + ".badge", code(errors, at + ".badge", u.badge(), ItemCode::of));
            }
            if (u.pin() != null) {
                String problem = PinVerifier.problemWith(u.pin(), u.badge());
                if (problem != null) {
                    errors.add(at + ".pin", ErrorCode.INVALID_FIELD, problem);
                }
            }
            if (u.password() != null
                    && (u.password().length() < MIN_PASSWORD_LENGTH
                            || u.password().length() > 200)) {
                errors.add(
                        at + ".password",
                        ErrorCode.INVALID_FIELD,
                        "a password has " + MIN_PASSWORD_LENGTH + " to 200 characters");
            }
            if (errors.size() == before) {
                validUsers.add(new UserService.UserSpec(
                        id.value(),
                        u.name().strip(),
                        roles,
                        new HashSet<>(userSites),
                        blankToNull(u.badge()),
                        u.pin(),
                        u.password()));
            }
        }
        List<PartnerPlace> validPlaces = partnerLocations(errors, bundle, validPartners);
        errors.throwIfAny();
        return new ValidBundle(validSites, validItems, validLocations, validPartners, validUsers, validPlaces);
    }

    /**
     * The bundle's partner locations: each of a partner in master data or in this bundle, its code
     * a location code unique within the partner, its name (default the partner's), GLN and
     * description checked as a site's.
     */
    private static List<PartnerPlace> partnerLocations(
            ValidationErrors errors, MasterDataBundle bundle, List<Partner> bundlePartners) {
        List<MasterDataBundle.PartnerLocation> entries = MasterDataBundle.orEmpty(bundle.partnerLocations());
        if (entries.isEmpty()) {
            return List.of();
        }
        Map<String, String> names = new HashMap<>();
        PartnerEntity.<PartnerEntity>list(
                        "code in ?1",
                        entries.stream()
                                .filter(e -> e != null && e.partner() != null)
                                .map(MasterDataBundle.PartnerLocation::partner)
                                .toList())
                .forEach(p -> names.put(p.code, p.name));
        bundlePartners.forEach(p -> names.put(p.code().value(), p.name()));
        Map<String, String> siteGlns = new HashMap<>(); // GLN -> site: a partner's location is not one of ours
        SiteEntity.<SiteEntity>listAll().forEach(site -> {
            if (site.gln != null) {
                siteGlns.put(site.gln.strip(), site.code);
            }
        });
        Set<String> seen = new HashSet<>();
        List<PartnerPlace> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String at = "partnerLocations[" + i + "]";
            MasterDataBundle.PartnerLocation l = entries.get(i);
            if (entryMissing(errors, at, l)) {
                continue;
            }
            int before = errors.size();
            PartnerCode partner = code(errors, at + ".partner", l.partner(), PartnerCode::of);
            if (partner != null && !names.containsKey(partner.value())) {
                errors.add(
                        at + ".partner",
                        ErrorCode.UNKNOWN_PARTNER,
                        "no partner " + partner + "; add it under partners first");
            }
            LocationCode code = code(errors, at + ".code", l.code(), LocationCode::of);
            duplicate(errors, seen, at + ".code", partner == null || code == null ? null : partner + "/" + code);
            text(errors, at + ".name", l.name(), 200, false);
            Gln gln = optionalCode(errors, at + ".gln", l.gln(), Gln::of);
            if (gln != null && siteGlns.containsKey(gln.value())) {
                errors.add(
                        at + ".gln",
                        ErrorCode.INVALID_FIELD,
                        "GLN " + gln + " is site " + siteGlns.get(gln.value())
                                + "'s: a partner's location has a GLN of its own");
            }
            LocationDescription where =
                    description(errors, at, l.phone(), l.street(), l.city(), l.region(), l.postalCode(), l.country());
            if (errors.size() == before) {
                String name = blankToNull(l.name());
                out.add(new PartnerPlace(
                        partner, code, name == null ? names.get(partner.value()) : name.strip(), gln, where));
            }
        }
        return out;
    }

    private static boolean entryMissing(ValidationErrors errors, String at, Object entry) {
        if (entry == null) {
            errors.add(at, ErrorCode.MISSING_FIELD, "entry is null");
            return true;
        }
        return false;
    }

    /** Each approved supplier of an item is a SUPPLIER partner, stored or in this bundle (which wins). */
    private static void approvedSuppliers(
            ValidationErrors errors, Map<String, PartnerCode> checks, List<Partner> bundlePartners) {
        if (checks.isEmpty()) {
            return;
        }
        Map<String, PartnerKind> kinds = new HashMap<>();
        PartnerEntity.<PartnerEntity>list(
                        "code in ?1",
                        checks.values().stream().map(PartnerCode::value).toList())
                .forEach(p -> kinds.put(p.code, p.kind));
        bundlePartners.forEach(p -> kinds.put(p.code().value(), p.kind()));
        checks.forEach((field, code) -> {
            PartnerKind kind = kinds.get(code.value());
            if (kind == null) {
                errors.add(field, ErrorCode.UNKNOWN_PARTNER, "no partner " + code + "; add it under partners first");
            } else if (kind != PartnerKind.SUPPLIER) {
                errors.add(
                        field,
                        ErrorCode.INVALID_FIELD,
                        "partner " + code + " is a " + kind.name().toLowerCase(Locale.ROOT) + ", not a supplier");
            }
        });
    }

    private static <T> T code(ValidationErrors errors, String field, String value, Function<String, T> parse) {
        if (value == null || value.isEmpty()) {
            errors.add(field, ErrorCode.MISSING_FIELD, field + " is required");
            return null;
        }
        try {
            return parse.apply(value);
        } catch (InvalidIdentifierException e) {
            errors.add(field, ErrorCode.INVALID_FIELD, e.getMessage());
            return null;
        }
    }

    private static <T> T optionalCode(ValidationErrors errors, String field, String value, Function<String, T> parse) {
        return value == null || value.isEmpty() ? null : code(errors, field, value, parse);
    }

    private static void duplicate(ValidationErrors errors, Set<String> seen, String field, Object code) {
        if (code != null && !seen.add(code.toString())) {
            errors.add(field, ErrorCode.DUPLICATE, code + " appears twice in this upload");
        }
    }

    private static void required(ValidationErrors errors, String field, Object value) {
        if (value == null) {
            errors.add(field, ErrorCode.MISSING_FIELD, field + " is required");
        }
    }

    /**
     * A location description's fields under {@code at} ({@code at.phone}, …), checked: each
     * optional, printable and within its length; the phone as people write one; the postal code of
     * letters, digits, spaces and dashes; the country an ISO 3166-1 alpha-2 code (upper-cased).
     * Blank counts as absent.
     */
    private static LocationDescription description(
            ValidationErrors errors,
            String at,
            String phone,
            String street,
            String city,
            String region,
            String postalCode,
            String country) {
        text(errors, at + ".phone", phone, LocationDescription.MAX_PHONE, false);
        text(errors, at + ".street", street, LocationDescription.MAX_STREET, false);
        text(errors, at + ".city", city, LocationDescription.MAX_PLACE, false);
        text(errors, at + ".region", region, LocationDescription.MAX_PLACE, false);
        text(errors, at + ".postalCode", postalCode, LocationDescription.MAX_POSTAL_CODE, false);
        String phoneText = blankless(phone);
        if (phoneText != null
                && phoneText.length() <= LocationDescription.MAX_PHONE
                && (!LocationDescription.PHONE.matcher(phoneText).matches()
                        || phoneText.chars().filter(Character::isDigit).count() < 5)) {
            errors.add(
                    at + ".phone",
                    ErrorCode.INVALID_FIELD,
                    at + ".phone is not a phone number: digits, spaces and + ( ) - . / only, at least 5 digits");
        }
        String postal = blankless(postalCode);
        if (postal != null
                && postal.length() <= LocationDescription.MAX_POSTAL_CODE
                && !LocationDescription.POSTAL_CODE.matcher(postal).matches()) {
            errors.add(
                    at + ".postalCode",
                    ErrorCode.INVALID_FIELD,
                    at + ".postalCode may hold letters, digits, spaces and dashes only");
        }
        String countryCode = blankless(country) == null ? null : country.strip().toUpperCase(Locale.ROOT);
        if (countryCode != null && !LocationDescription.isCountry(countryCode)) {
            errors.add(
                    at + ".country",
                    ErrorCode.INVALID_FIELD,
                    at + ".country must be an ISO 3166 two-letter country code such as US, DE or NL");
        }
        return new LocationDescription(
                phoneText, blankless(street), blankless(city), blankless(region), postal, countryCode);
    }

    /** {@code text} stripped, or null when absent or blank. */
    private static String blankless(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static void text(ValidationErrors errors, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(field, ErrorCode.MISSING_FIELD, field + " is required");
            }
            return;
        }
        if (value.length() > max) {
            errors.add(
                    field,
                    ErrorCode.TOO_LONG,
                    field + " has " + value.length() + " characters; at most " + max + " are allowed");
        } else if (value.chars().anyMatch(c -> Character.isISOControl(c))) {
            errors.add(field, ErrorCode.BAD_CHARACTER, field + " contains a control character");
        }
    }

    private static void siteRef(ValidationErrors errors, Set<String> sites, String field, String site) {
        if (site == null || site.isEmpty()) {
            errors.add(field, ErrorCode.MISSING_FIELD, field + " is required");
        } else if (!sites.contains(site)) {
            errors.add(
                    field,
                    ErrorCode.UNKNOWN_SITE,
                    "site " + safe(site) + " is neither in master data nor in this upload");
        }
    }

    private static <E extends Enum<E>> E enumValue(
            ValidationErrors errors, String field, String value, Class<E> type, boolean required) {
        if (value == null) {
            if (required) {
                errors.add(field, ErrorCode.MISSING_FIELD, field + " is required");
            }
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value)) {
                return e;
            }
        }
        errors.add(field, ErrorCode.INVALID_FIELD, field + " must be one of " + EnumSet.allOf(type));
        return null;
    }

    private static String safe(String s) {
        return Shown.of(s, 40);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
