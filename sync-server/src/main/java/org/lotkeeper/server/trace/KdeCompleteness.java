package org.lotkeeper.server.trace;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.lotkeeper.model.event.Receive;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.server.masterdata.MasterDataLookup;
import org.lotkeeper.server.security.Actor;

/**
 * The FSMA 204 key data elements a period's critical tracking events lack or make doubtful, found
 * before anyone asks for them: each event checked as the FDA's spreadsheet would write it
 * ({@link Fsma204}), the gaps grouped by cause with the events and the master data to fix.
 */
@ApplicationScoped
public class KdeCompleteness {

    /** Events listed per cause; the count says how many there are in all. */
    static final int EXAMPLES = 100;

    /** How long the dashboard's count is reused before it is counted again. */
    static final Duration DASHBOARD_REUSE = Duration.ofMinutes(5);

    /** The period the dashboard counts. */
    public static final Duration DASHBOARD_PERIOD = Duration.ofDays(30);

    /** Why a critical tracking event's key data elements are missing or doubtful. */
    public enum Gap {
        SUPPLIER_LOT_MISSING(
                "Receipts without the supplier's lot code",
                "The plant assigned the traceability lot code itself. Ask the supplier for their lot code and record it on"
                        + " the receipt; a supplier that ships without one should print it on its labels.",
                "/console/masterdata?tab=partners"),
        TLC_SOURCE_UNDESCRIBED(
                "Receipts whose traceability lot code source has neither an address nor a GLN",
                "The supplier assigned the lot code, but master data can describe neither where (an address) nor a"
                        + " reference (a GLN). Add the supplier's address or GLN.",
                "/console/masterdata?tab=partners"),
        PARTNER_NOT_IN_MASTER_DATA(
                "Events naming a partner master data does not know",
                "Add the partner, with its address, to master data.",
                "/console/masterdata?tab=partners"),
        PARTNER_WITHOUT_ADDRESS(
                "Suppliers and customers without a complete address",
                "A previous source or recipient is a location description: phone, street, city, postal code and"
                        + " country. Complete the partner in master data.",
                "/console/masterdata?tab=partners"),
        SITE_WITHOUT_ADDRESS(
                "Sites without a complete address",
                "The receiving, shipping and transformation location is the site: complete its address in master data.",
                "/console/masterdata?tab=sites"),
        SUPPLIER_NOT_APPROVED(
                "Receipts from a supplier not approved for the item",
                "The item lists its approved suppliers and this one is not among them: either the receipt names the"
                        + " wrong supplier, or the item's list is out of date.",
                "/console/masterdata?tab=items");

        public final String title;
        public final String advice;
        public final String fix;

        Gap(String title, String advice, String fix) {
            this.title = title;
            this.advice = advice;
            this.fix = fix;
        }
    }

    /**
     * The check of a period: how many critical tracking events it has, how many lack something,
     * and per cause (those that occur) the events and what to fix.
     */
    public record Report(
            Instant from,
            Instant to,
            List<String> sites,
            long ledgerPosition,
            long events,
            long incompleteEvents,
            List<Cause> causes) {}

    /** One cause: how many events, the partners, sites or items behind it, and its first events. */
    public record Cause(
            Gap cause,
            String title,
            String advice,
            long events,
            List<Subject> subjects,
            List<Example> examples,
            boolean moreEvents) {}

    /** A partner, site or item behind a cause: the parts it lacks (for an address), and in how many events. */
    public record Subject(String code, String name, List<String> missing, long events, String fix) {}

    /** An event with a gap, as the spreadsheet would show it. */
    public record Example(
            UUID eventId,
            long ledgerSeq,
            String cte,
            String event,
            String item,
            String lot,
            String site,
            Instant occurredAt) {}

    @Inject
    Access access;

    @Inject
    MasterDataLookup masterData;

    @Inject
    Clock clock;

    /** The dashboard's count: when it was counted, and how many events lacked something. */
    public record Counted(Instant at, long incomplete) {}

    @Inject
    jakarta.enterprise.context.control.RequestContextController requests;

    private final Map<String, Counted> dashboard = new ConcurrentHashMap<>();
    private final Set<String> counting = ConcurrentHashMap.newKeySet();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kde-completeness");
        t.setDaemon(true);
        return t;
    });

    /** The critical tracking events whose device time lies in [from, to) at {@code sites} (null: all), checked. */
    public Report check(Instant from, Instant to, List<String> sites) {
        Tally tally = new Tally();
        long head = access.read(c -> {
            Fsma204.Rows rows = new Fsma204.Rows(masterData, c, Map.of());
            long position = rows.between(
                    from,
                    to,
                    sites == null ? null : sites.toArray(String[]::new),
                    null,
                    l -> true,
                    r -> tally.add(r, rows));
            tally.close();
            return position;
        });
        return new Report(
                from, to, sites == null ? List.of() : sites, head, tally.events, tally.incomplete, tally.causes());
    }

    /**
     * The events of the last {@link #DASHBOARD_PERIOD} at the caller's sites with a gap, for the
     * dashboard, as last counted: the count runs in the background (at 10 M events a month is a
     * long read), at most every {@link #DASHBOARD_REUSE} per set of sites; empty until the first
     * count ends, so the dashboard never waits for it.
     */
    public java.util.Optional<Counted> incompleteLately(Actor actor) {
        List<String> sites = actor.allSites() ? null : List.copyOf(new java.util.TreeSet<>(actor.sites()));
        String key = sites == null ? "*" : String.join(",", sites);
        Instant now = clock.instant();
        Counted last = dashboard.get(key);
        if ((last == null || last.at().plus(DASHBOARD_REUSE).isBefore(now)) && counting.add(key)) {
            background.execute(() -> {
                requests.activate();
                try {
                    dashboard.put(
                            key,
                            new Counted(
                                    now,
                                    check(now.minus(DASHBOARD_PERIOD), now, sites)
                                            .incompleteEvents()));
                } finally {
                    requests.deactivate();
                    counting.remove(key);
                }
            });
        }
        return java.util.Optional.ofNullable(last);
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        background.shutdownNow();
    }

    /** Counts as rows come, one event at a time (an event's rows come together). */
    private static final class Tally {
        long events;
        long incomplete;
        private final Map<Gap, Long> perCause = new EnumMap<>(Gap.class);
        private final Map<Gap, Map<String, Subject>> subjects = new EnumMap<>(Gap.class);
        private final Map<Gap, List<Example>> examples = new EnumMap<>(Gap.class);
        private UUID current;
        private Fsma204.Row first;
        private final Map<Gap, Map<String, Subject>> gaps = new EnumMap<>(Gap.class);

        void add(Fsma204.Row r, Fsma204.Rows rows) {
            if (!r.event().eventId().equals(current)) {
                close();
                current = r.event().eventId();
                first = r;
            }
            place(r.location());
            place(r.previousSource());
            place(r.recipient());
            if (r.event().event().payload() instanceof Receive receive) {
                receipt(receive, r, rows);
            }
        }

        private void receipt(Receive receive, Fsma204.Row r, Fsma204.Rows rows) {
            Fsma204.Place supplier = r.previousSource();
            if (receive.supplierLot() == null) {
                gap(Gap.SUPPLIER_LOT_MISSING, supplier.code(), supplier.name(), List.of());
            } else if (supplier.known()
                    && supplier.gln() == null
                    && supplier.description().missing().size() == 5) {
                gap(Gap.TLC_SOURCE_UNDESCRIBED, supplier.code(), supplier.name(), List.of("address or GLN"));
            }
            List<String> approved = rows.item(receive.item().value())
                    .map(MasterDataLookup.ItemInfo::suppliers)
                    .orElse(List.of());
            if (!approved.isEmpty() && !approved.contains(supplier.code())) {
                gap(
                        Gap.SUPPLIER_NOT_APPROVED,
                        receive.item().value() + " / " + supplier.code(),
                        supplier.name() + " for " + receive.item().value() + " (approved: "
                                + String.join(", ", approved) + ")",
                        List.of());
            }
        }

        private void place(Fsma204.Place p) {
            if (p == null) {
                return;
            }
            if (!p.known()) {
                gap(
                        p.party() == Fsma204.Party.PARTNER ? Gap.PARTNER_NOT_IN_MASTER_DATA : Gap.SITE_WITHOUT_ADDRESS,
                        p.code(),
                        p.name(),
                        List.of("all"));
                return;
            }
            List<String> missing = p.description().missing();
            if (!missing.isEmpty()) {
                // a partner's own location (named on the task) is a subject of its own
                gap(
                        p.party() == Fsma204.Party.PARTNER ? Gap.PARTNER_WITHOUT_ADDRESS : Gap.SITE_WITHOUT_ADDRESS,
                        p.location() == null ? p.code() : p.code() + " / " + p.location(),
                        p.location() == null
                                ? p.name()
                                : p.name() + " (location " + p.location() + " of " + p.code() + ")",
                        missing);
            }
        }

        private void gap(Gap gap, String code, String name, List<String> missing) {
            gaps.computeIfAbsent(gap, g -> new LinkedHashMap<>())
                    .putIfAbsent(code, new Subject(code, name, missing, 0, gap.fix));
        }

        /** Counts the event whose rows have come. */
        void close() {
            if (current == null) {
                return;
            }
            events++;
            if (!gaps.isEmpty()) {
                incomplete++;
                gaps.forEach((gap, found) -> {
                    perCause.merge(gap, 1L, Long::sum);
                    Map<String, Subject> all = subjects.computeIfAbsent(gap, g -> new LinkedHashMap<>());
                    found.forEach((code, s) -> all.merge(
                            code,
                            new Subject(s.code(), s.name(), s.missing(), 1, s.fix()),
                            (a, b) -> new Subject(a.code(), a.name(), a.missing(), a.events() + 1, a.fix())));
                    List<Example> listed = examples.computeIfAbsent(gap, g -> new ArrayList<>());
                    if (listed.size() < EXAMPLES) {
                        listed.add(example(first));
                    }
                });
            }
            gaps.clear();
            current = null;
        }

        private static Example example(Fsma204.Row r) {
            LotRef lot = r.food().lot();
            return new Example(
                    r.event().eventId(),
                    r.event().ledgerSeq(),
                    r.cte().label,
                    r.detail(),
                    lot.item().value(),
                    lot.lot().value(),
                    r.event().site(),
                    r.event().occurredAt());
        }

        List<Cause> causes() {
            List<Cause> out = new ArrayList<>();
            perCause.forEach((gap, count) -> out.add(new Cause(
                    gap,
                    gap.title,
                    gap.advice,
                    count,
                    List.copyOf(subjects.get(gap).values()),
                    List.copyOf(examples.get(gap)),
                    count > examples.get(gap).size())));
            return out;
        }
    }
}
