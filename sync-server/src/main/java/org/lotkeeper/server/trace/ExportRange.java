package org.lotkeeper.server.trace;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.lotkeeper.model.id.SiteCode;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.server.api.Fields;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.security.Actor;
import org.lotkeeper.server.security.CurrentActor;
import org.lotkeeper.server.security.KnownSites;

/**
 * What a ledger export of a time range asks for: [from, to) in device time and the sites (null:
 * all), from the query parameters {@code from} (required), {@code to} (default now) and
 * {@code site} (one of the caller's; default all of them). Bad parameters answer 400 naming the
 * field (a site master data does not know {@code UNKNOWN_SITE}), a site not the caller's 403.
 */
record ExportRange(Instant from, Instant to, List<String> sites) {

    static ExportRange of(
            CurrentActor actor, KnownSites known, String fromText, String toText, String site, Instant now) {
        return of(actor, known, fromText, toText, site, now, null);
    }

    /** The same, {@code from} defaulting to {@code before} ahead of {@code to} (null: required). */
    static ExportRange of(
            CurrentActor actor,
            KnownSites known,
            String fromText,
            String toText,
            String site,
            Instant now,
            Duration before) {
        Instant given = fromText == null || fromText.isEmpty() ? null : instant("from", fromText, null);
        Instant to = instant("to", toText, now.truncatedTo(ChronoUnit.SECONDS));
        Instant from = given != null ? given : instant("from", null, before == null ? null : to.minus(before));
        return of(actor, known, from, to, site, "from");
    }

    /** [from, to) of the sites asked for; {@code fromField} names {@code from} in a refusal. */
    static ExportRange of(
            CurrentActor actor, KnownSites known, Instant from, Instant to, String site, String fromField) {
        if (!from.isBefore(to)) {
            throw Refused.invalid(
                    ErrorCode.INVALID_FIELD, fromField + " must be before the end of the range", fromField);
        }
        Actor caller = actor.get();
        if (site != null && !site.isEmpty()) {
            String code = Fields.code("site", site, SiteCode::of);
            if (!known.exists(code)) {
                throw Refused.invalid(ErrorCode.UNKNOWN_SITE, "no site " + code + " in master data", "site");
            }
            if (!caller.canReach(code)) {
                throw Refused.of(ErrorCode.SITE_NOT_ALLOWED, "you have no access to site " + code, "site");
            }
            return new ExportRange(from, to, List.of(code));
        }
        return new ExportRange(from, to, caller.allSites() ? null : List.copyOf(caller.sites()));
    }

    /** The sites as a SQL array parameter: null for all. */
    String[] siteArray() {
        return sites == null ? null : sites.toArray(String[]::new);
    }

    static Instant instant(String field, String text, Instant absent) {
        if (text == null || text.isEmpty()) {
            if (absent != null) {
                return absent;
            }
            throw Refused.invalid(
                    ErrorCode.MISSING_FIELD,
                    field + " is required (an ISO-8601 instant such as 2026-11-16T00:00:00Z)",
                    field);
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw Refused.invalid(
                    ErrorCode.INVALID_FIELD,
                    field + " must be an ISO-8601 instant such as 2026-11-16T00:00:00Z",
                    field);
        }
    }
}
