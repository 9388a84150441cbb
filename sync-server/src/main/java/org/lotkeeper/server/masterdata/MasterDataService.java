package org.lotkeeper.server.masterdata;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.lotkeeper.model.auth.PinVerifier;
import org.lotkeeper.model.auth.Role;
import org.lotkeeper.model.id.Gln;
import org.lotkeeper.model.id.Gtin;
import org.lotkeeper.model.id.InvalidIdentifierException;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.id.SiteCode;
import org.lotkeeper.model.id.UserId;
import org.lotkeeper.model.lot.LocationType;
import org.lotkeeper.model.lot.LotNumbering;
import org.lotkeeper.model.lot.LotNumberingException;
import org.lotkeeper.model.lot.LotPattern;
import org.lotkeeper.model.master.PartnerKind;
import org.lotkeeper.model.quantity.InvalidQuantityException;
import org.lotkeeper.model.quantity.PackUnit;
import org.lotkeeper.model.quantity.Uom;
import org.lotkeeper.server.api.ApiException;
import org.lotkeeper.server.api.Fields;
import org.lotkeeper.server.api.ValidationErrors;
import org.lotkeeper.server.api.ApiException;
import org.lotkeeper.server.security.Actor;
import org.lotkeeper.server.security.AuditTrail;
import org.lotkeeper.server.security.UserService;

/**
 * Applies a master-data bundle: every entry is checked first, and the bundle is stored whole or
 * not at all. Optional fields take PROTOCOL.md's defaults (no GTIN, minimum remaining shelf life
 * 0, lot numbering SUPPLIER_LOT); a user's password and PIN are kept when the entry omits them.
 */
@ApplicationScoped
public class MasterDataService {

    static final int MIN_PASSWORD_LENGTH = 10;

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
        } catch (ApiException e) {
            throw MasterDataCsv.withLines(e, parsed.lines());
        }
    }

    @Transactional
    public MasterDataResult apply(MasterDataBundle bundle, Actor by) {
        validate(bundle);
        Instant now = clock.instant();
        Map<String, MasterDataResult.Counts> counts = new LinkedHashMap<>();
        counts.put("sites", upsertAll(MasterDataBundle.orEmpty(bundle.sites()), s -> upsertSite(s, now)));
        counts.put("items", upsertAll(MasterDataBundle.orEmpty(bundle.items()), i -> upsertItem(i, now)));
        counts.put("locations", upsertAll(MasterDataBundle.orEmpty(bundle.locations()), l -> upsertLocation(l, now)));
        counts.put("partners", upsertAll(MasterDataBundle.orEmpty(bundle.partners()), p -> upsertPartner(p, now)));
        counts.put("users", upsertAll(MasterDataBundle.orEmpty(bundle.users()), u -> users.upsert(new UserService.UserSpec(
                u.userId(), u.name().strip(), roles(u.roles()), new HashSet<>(u.sites()), blankToNull(u.badge()), u.pin(), u.password()))));
        audit.record(by.id(), "MASTER_DATA_CHANGED", null, null, counts.toString());
        return new MasterDataResult(counts);
    }

    private static <T> MasterDataResult.Counts upsertAll(List<T> entries, Function<T, Boolean> upsert) {
        int created = 0;
        for (T entry : entries) {
            if (upsert.apply(entry)) {
                created++;
            }
        }
        return new MasterDataResult.Counts(created, entries.size() - created);
    }

    // ---- validation -------------------------------------------------------------------------

    void validate(MasterDataBundle bundle) {
        // The same bound as a CSV upload: larger lists are refused before any row is looked at.
        Map<String, List<?>> lists = new LinkedHashMap<>();
        lists.put("sites", MasterDataBundle.orEmpty(bundle.sites()));
        lists.put("items", MasterDataBundle.orEmpty(bundle.items()));
        lists.put("locations", MasterDataBundle.orEmpty(bundle.locations()));
        lists.put("partners", MasterDataBundle.orEmpty(bundle.partners()));
        lists.put("users", MasterDataBundle.orEmpty(bundle.users()));
        lists.forEach((name, list) -> {
            if (list.size() > MasterDataCsv.MAX_ROWS) {
                throw new ApiException(413, "TOO_LARGE", name + " has " + list.size() + " entries; at most " + MasterDataCsv.MAX_ROWS
                        + " per upload", name);
            }
        });
        ValidationErrors errors = new ValidationErrors();
        Set<String> sites = new HashSet<>();
        SiteEntity.<SiteEntity>listAll().forEach(s -> sites.add(s.code));
        Set<String> seen = new HashSet<>();
        List<MasterDataBundle.Site> bundleSites = MasterDataBundle.orEmpty(bundle.sites());
        for (int i = 0; i < bundleSites.size(); i++) {
            String at = "sites[" + i + "]";
            MasterDataBundle.Site s = bundleSites.get(i);
            if (entryMissing(errors, at, s)) {
                continue;
            }
            String code = code(errors, at + ".code", s.code(), SiteCode::of);
            duplicate(errors, seen, at + ".code", code);
            text(errors, at + ".name", s.name(), 200, true);
            optionalCode(errors, at + ".gln", s.gln(), Gln::of);
            if (code != null) {
                sites.add(code);
            }
        }

        seen.clear();
        Map<String, String> gtins = new HashMap<>();
        ItemEntity.<ItemEntity>listAll().forEach(it -> {
            if (it.gtin != null) {
                gtins.put(it.gtin, it.code);
            }
        });
        List<MasterDataBundle.Item> items = MasterDataBundle.orEmpty(bundle.items());
        for (int i = 0; i < items.size(); i++) {
            String at = "items[" + i + "]";
            MasterDataBundle.Item it = items.get(i);
            if (entryMissing(errors, at, it)) {
                continue;
            }
            String code = code(errors, at + ".code", it.code(), ItemCode::of);
            duplicate(errors, seen, at + ".code", code);
            text(errors, at + ".name", it.name(), 200, true);
            String gtin = optionalCode(errors, at + ".gtin", it.gtin(), Gtin::of);
            if (gtin != null && code != null) {
                String other = gtins.putIfAbsent(gtin, code);
                if (other != null && !other.equals(code)) {
                    errors.add(at + ".gtin", "DUPLICATE", "GTIN " + gtin + " already belongs to item " + other);
                }
            }
            Uom base = null;
            if (it.baseUom() == null) {
                errors.add(at + ".baseUom", "MISSING_FIELD", "baseUom is required (a Rec 20 code such as KGM, LTR, H87)");
            } else {
                base = Uom.byCode(it.baseUom()).orElse(null);
                if (base == null) {
                    errors.add(at + ".baseUom", "INVALID_FIELD", "unit " + Fields.optionalText("baseUom", safe(it.baseUom()), 300)
                            + " is not supported; use KGM, GRM, LTR, MLT, H87 …");
                }
            }
            required(errors, at + ".qcRequired", it.qcRequired());
            required(errors, at + ".coaRequired", it.coaRequired());
            if (it.shelfLifeDays() != null && (it.shelfLifeDays() < 1 || it.shelfLifeDays() > 36_500)) {
                errors.add(at + ".shelfLifeDays", "INVALID_FIELD", "shelfLifeDays must be between 1 and 36500");
            }
            if (it.minRemainingShelfLifeDays() != null && (it.minRemainingShelfLifeDays() < 0 || it.minRemainingShelfLifeDays() > 36_500)) {
                errors.add(at + ".minRemainingShelfLifeDays", "INVALID_FIELD", "minRemainingShelfLifeDays must be between 0 and 36500");
            }
            enumValue(errors, at + ".lotNumbering", it.lotNumbering(), LotNumbering.class, false);
            if (LotNumbering.PATTERN.name().equals(it.lotNumbering()) && (it.lotPattern() == null || it.lotPattern().isBlank())) {
                errors.add(at + ".lotPattern", "MISSING_FIELD", "lotNumbering PATTERN needs a lotPattern");
            } else if (it.lotPattern() != null && !it.lotPattern().isBlank()) {
                try {
                    LotPattern.parse(it.lotPattern());
                } catch (LotNumberingException e) {
                    errors.add(at + ".lotPattern", "INVALID_FIELD", e.getMessage());
                }
            }
            Set<String> packCodes = new HashSet<>();
            List<MasterDataBundle.PackUnit> packs = MasterDataBundle.orEmpty(it.packUnits());
            for (int p = 0; p < packs.size(); p++) {
                String pat = at + ".packUnits[" + p + "]";
                MasterDataBundle.PackUnit pu = packs.get(p);
                if (entryMissing(errors, pat, pu)) {
                    continue;
                }
                try {
                    new PackUnit(pu.code(), pu.factor());
                    duplicate(errors, packCodes, pat + ".code", pu.code());
                } catch (InvalidQuantityException e) {
                    errors.add(pat, "INVALID_FIELD", e.getMessage());
                }
            }
        }

        seen.clear();
        List<MasterDataBundle.Location> locations = MasterDataBundle.orEmpty(bundle.locations());
        for (int i = 0; i < locations.size(); i++) {
            String at = "locations[" + i + "]";
            MasterDataBundle.Location l = locations.get(i);
            if (entryMissing(errors, at, l)) {
                continue;
            }
            duplicate(errors, seen, at + ".code", code(errors, at + ".code", l.code(), LocationCode::of));
            siteRef(errors, sites, at + ".site", l.site());
            enumValue(errors, at + ".type", l.type(), LocationType.class, true);
            if (l.pickSequence() != null && (l.pickSequence() < 0 || l.pickSequence() > 1_000_000)) {
                errors.add(at + ".pickSequence", "INVALID_FIELD", "pickSequence must be between 0 and 1000000");
            }
        }

        seen.clear();
        List<MasterDataBundle.Partner> partners = MasterDataBundle.orEmpty(bundle.partners());
        for (int i = 0; i < partners.size(); i++) {
            String at = "partners[" + i + "]";
            MasterDataBundle.Partner p = partners.get(i);
            if (entryMissing(errors, at, p)) {
                continue;
            }
            duplicate(errors, seen, at + ".code", code(errors, at + ".code", p.code(), PartnerCode::of));
            text(errors, at + ".name", p.name(), 200, true);
            enumValue(errors, at + ".kind", p.kind(), PartnerKind.class, true);
            optionalCode(errors, at + ".gln", p.gln(), Gln::of);
            if (p.minRemainingShelfLifeDays() != null && (p.minRemainingShelfLifeDays() < 0 || p.minRemainingShelfLifeDays() > 36_500)) {
                errors.add(at + ".minRemainingShelfLifeDays", "INVALID_FIELD", "minRemainingShelfLifeDays must be between 0 and 36500");
            }
        }

        seen.clear();
        Set<String> badges = new HashSet<>();
        List<MasterDataBundle.User> userEntries = MasterDataBundle.orEmpty(bundle.users());
        for (int i = 0; i < userEntries.size(); i++) {
            String at = "users[" + i + "]";
            MasterDataBundle.User u = userEntries.get(i);
            if (entryMissing(errors, at, u)) {
                continue;
            }
            duplicate(errors, seen, at + ".userId", code(errors, at + ".userId", u.userId(), UserId::of));
            text(errors, at + ".name", u.name(), 200, true);
            if (u.roles() == null || u.roles().isEmpty()) {
                errors.add(at + ".roles", "MISSING_FIELD", "a user needs at least one role");
            } else {
                for (int r = 0; r < u.roles().size(); r++) {
                    enumValue(errors, at + ".roles[" + r + "]", u.roles().get(r), Role.class, true);
                }
            }
            List<String> userSites = MasterDataBundle.orEmpty(u.sites());
            boolean admin = u.roles() != null && u.roles().contains("ADMIN");
            if (userSites.isEmpty() && !admin) {
                errors.add(at + ".sites", "MISSING_FIELD", "a user needs at least one site");
            }
            for (int s = 0; s < userSites.size(); s++) {
                siteRef(errors, sites, at + ".sites[" + s + "]", userSites.get(s));
            }
            if (u.badge() != null && !u.badge().isBlank()) {
                duplicate(errors, badges, at + ".badge", code(errors, at + ".badge", u.badge(), ItemCode::of));
            }
            if (u.pin() != null) {
                String problem = PinVerifier.problemWith(u.pin());
                if (problem != null) {
                    errors.add(at + ".pin", "INVALID_FIELD", problem);
                }
            }
            if (u.password() != null && (u.password().length() < MIN_PASSWORD_LENGTH || u.password().length() > 200)) {
                errors.add(at + ".password", "INVALID_FIELD", "a password has " + MIN_PASSWORD_LENGTH + " to 200 characters");
            }
        }
        errors.throwIfAny();
    }

    private static boolean entryMissing(ValidationErrors errors, String at, Object entry) {
        if (entry == null) {
            errors.add(at, "MISSING_FIELD", "entry is null");
            return true;
        }
        return false;
    }

    private static String code(ValidationErrors errors, String field, String value, Function<String, ?> parse) {
        if (value == null || value.isEmpty()) {
            errors.add(field, "MISSING_FIELD", field + " is required");
            return null;
        }
        try {
            return parse.apply(value).toString();
        } catch (InvalidIdentifierException e) {
            errors.add(field, "INVALID_FIELD", e.getMessage());
            return null;
        }
    }

    private static String optionalCode(ValidationErrors errors, String field, String value, Function<String, ?> parse) {
        return value == null || value.isEmpty() ? null : code(errors, field, value, parse);
    }

    private static void duplicate(ValidationErrors errors, Set<String> seen, String field, String code) {
        if (code != null && !seen.add(code)) {
            errors.add(field, "DUPLICATE", code + " appears twice in this upload");
        }
    }

    private static void required(ValidationErrors errors, String field, Object value) {
        if (value == null) {
            errors.add(field, "MISSING_FIELD", field + " is required");
        }
    }

    private static void text(ValidationErrors errors, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(field, "MISSING_FIELD", field + " is required");
            }
            return;
        }
        if (value.length() > max) {
            errors.add(field, "TOO_LONG", field + " has " + value.length() + " characters; at most " + max + " are allowed");
        } else if (value.chars().anyMatch(c -> Character.isISOControl(c))) {
            errors.add(field, "BAD_CHARACTER", field + " contains a control character");
        }
    }

    private static void siteRef(ValidationErrors errors, Set<String> sites, String field, String site) {
        if (site == null || site.isEmpty()) {
            errors.add(field, "MISSING_FIELD", field + " is required");
        } else if (!sites.contains(site)) {
            errors.add(field, "UNKNOWN_SITE", "site " + safe(site) + " is neither in master data nor in this upload");
        }
    }

    private static <E extends Enum<E>> void enumValue(ValidationErrors errors, String field, String value, Class<E> type, boolean required) {
        if (value == null) {
            if (required) {
                errors.add(field, "MISSING_FIELD", field + " is required");
            }
            return;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value)) {
                return;
            }
        }
        errors.add(field, "INVALID_FIELD", field + " must be one of " + EnumSet.allOf(type));
    }

    private static String safe(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    private static Set<Role> roles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        names.forEach(n -> roles.add(Role.valueOf(n)));
        return roles;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    // ---- upserts ---------------------------------------------------------------------------

    private static boolean upsertSite(MasterDataBundle.Site s, Instant now) {
        SiteEntity e = SiteEntity.findById(s.code());
        boolean created = e == null;
        if (created) {
            e = new SiteEntity();
            e.code = s.code();
        }
        e.name = s.name().strip();
        e.gln = blankToNull(s.gln());
        e.updatedAt = now;
        if (created) {
            e.persist();
        }
        return created;
    }

    private static boolean upsertItem(MasterDataBundle.Item it, Instant now) {
        ItemEntity e = ItemEntity.findById(it.code());
        boolean created = e == null;
        if (created) {
            e = new ItemEntity();
            e.code = it.code();
        }
        e.name = it.name().strip();
        e.gtin = it.gtin() == null || it.gtin().isEmpty() ? null : Gtin.of(it.gtin()).value();
        e.baseUom = it.baseUom();
        e.qcRequired = it.qcRequired();
        e.coaRequired = it.coaRequired();
        e.shelfLifeDays = it.shelfLifeDays();
        e.minRemainingShelfLifeDays = it.minRemainingShelfLifeDays() == null ? 0 : it.minRemainingShelfLifeDays();
        e.lotNumbering = it.lotNumbering() == null ? "SUPPLIER_LOT" : it.lotNumbering();
        e.lotPattern = blankToNull(it.lotPattern());
        e.packUnits.clear();
        for (MasterDataBundle.PackUnit p : MasterDataBundle.orEmpty(it.packUnits())) {
            e.packUnits.put(p.code(), p.factor());
        }
        e.updatedAt = now;
        if (created) {
            e.persist();
        }
        return created;
    }

    private static boolean upsertLocation(MasterDataBundle.Location l, Instant now) {
        LocationEntity e = LocationEntity.findById(l.code());
        boolean created = e == null;
        if (created) {
            e = new LocationEntity();
            e.code = l.code();
        }
        e.site = l.site();
        e.type = l.type();
        e.pickSequence = l.pickSequence() == null ? 0 : l.pickSequence();
        e.updatedAt = now;
        if (created) {
            e.persist();
        }
        return created;
    }

    private static boolean upsertPartner(MasterDataBundle.Partner p, Instant now) {
        PartnerEntity e = PartnerEntity.findById(p.code());
        boolean created = e == null;
        if (created) {
            e = new PartnerEntity();
            e.code = p.code();
        }
        e.name = p.name().strip();
        e.kind = p.kind();
        e.gln = blankToNull(p.gln());
        e.minRemainingShelfLifeDays = p.minRemainingShelfLifeDays() == null ? 0 : p.minRemainingShelfLifeDays();
        e.updatedAt = now;
        if (created) {
            e.persist();
        }
        return created;
    }

}
